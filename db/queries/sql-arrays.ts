import { getTableName, sql, type Column, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";

// Whole lists as ONE parameter each (a Postgres array literal), for batches of hundreds or
// thousands of values: `inArray` and multi-row `values()` send a parameter per value, and drizzle
// spends most of a big batch's time building them (half the member import's CPU, profiled) while
// Postgres parses them. Works on PGlite and pg alike.

type Scalar = string | number | boolean | Date | Record<string, unknown> | readonly unknown[] | null | undefined;

const quote = (v: string) => `"${v.replace(/["\\]/g, "\\$&")}"`;

function element(v: Scalar): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "NULL";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (v instanceof Date) return quote(v.toISOString());
  if (typeof v === "string") return quote(v);
  return quote(JSON.stringify(v));
}

/** A one-dimensional array literal: strings quoted, null → NULL, dates as ISO, objects as JSON. */
export const arrayLiteral = (values: readonly Scalar[]) => `{${values.map(element).join(",")}}`;
export const intArrayLiteral = (ids: readonly number[]) => arrayLiteral(ids.map((id) => Math.trunc(id)));
export const textArrayLiteral = (values: readonly string[]) => arrayLiteral(values);

export const anyInt = (column: Column, ids: readonly number[]) => sql`${column} = any(${intArrayLiteral(ids)}::int[])`;
export const anyText = (column: Column, values: readonly string[]) => sql`${column} = any(${textArrayLiteral(values)}::text[])`;

/**
 * `insert into table (columns) select * from unnest(one array per column)`: many rows in as many
 * parameters as columns. Columns left out take their defaults; add on conflict / returning after it.
 */
export function insertRows<T extends PgTable, K extends keyof T["$inferInsert"] & string>(
  table: T,
  keys: readonly K[],
  // Every listed column given (null where allowed): an absent value would be NULL here, not the default.
  rows: readonly Required<Pick<T["$inferInsert"], K>>[],
): SQL {
  const columns = keys.map((k) => (table as unknown as Record<string, PgColumn>)[k]);
  const arrays = columns.map((c, i) => sql`${arrayLiteral(rows.map((r) => r[keys[i]] as Scalar))}::${sql.raw(c.getSQLType())}[]`);
  return sql`insert into ${sql.identifier(getTableName(table))} (${sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  )}) select * from unnest(${sql.join(arrays, sql`, `)})`;
}

/** The rows a raw statement returns (an insert's RETURNING): both drivers answer `{ rows }`. */
export async function executeRows<T>(db: Pick<Db, "execute">, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
