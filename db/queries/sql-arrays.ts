import { sql, type Column } from "drizzle-orm";

// `column = any($1::type[])` with the whole list as ONE parameter (a Postgres array literal), for
// batches of hundreds or thousands of values: `inArray` sends a parameter per value, which Node
// spends most of a batch's time building and Postgres parsing. Works on PGlite and pg alike.

const quote = (v: string) => `"${v.replace(/["\\]/g, "\\$&")}"`;

export const intArrayLiteral = (ids: readonly number[]) => `{${ids.map((id) => Math.trunc(id)).join(",")}}`;
export const textArrayLiteral = (values: readonly string[]) => `{${values.map(quote).join(",")}}`;

export const anyInt = (column: Column, ids: readonly number[]) => sql`${column} = any(${intArrayLiteral(ids)}::int[])`;
export const anyText = (column: Column, values: readonly string[]) => sql`${column} = any(${textArrayLiteral(values)}::text[])`;
