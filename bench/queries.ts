// Counting the server's database statements around a piece of work: the product's own counter
// (GET /api/health in bench mode) gives the number, the optional statement trace says which.
import fs from "node:fs";
import type { ServerHandle } from "./server";

// `context`: the Next route and work kind the statement was sent from ("- -" outside any).
export type TracedStatement = { at: number; driver: string; context: string; sql: string };
export type QueryWindow = { statements: number; seconds: number; traced: TracedStatement[] | null };

export function readTrace(file: string | null, from: number, to: number): TracedStatement[] | null {
  if (!file) return null;
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const out: TracedStatement[] = [];
  for (const line of text.split("\n")) {
    const [at, driver, context, ...rest] = line.split("\t");
    const t = Number(at);
    if (Number.isFinite(t) && t >= from && t <= to) out.push({ at: t, driver, context, sql: rest.join("\t") });
  }
  return out;
}

// Statements sent while `work` ran. Each health check sends one statement of its own (counted
// in the figure it returns), so the second check's own statement is subtracted.
export async function countQueries<T>(server: ServerHandle, traceFile: string | null, work: () => Promise<T>): Promise<{ result: T; window: QueryWindow }> {
  const before = await server.health();
  const from = Date.now();
  const result = await work();
  const to = Date.now();
  const after = await server.health();
  return { result, window: { statements: after - before - 1, seconds: (to - from) / 1000, traced: readTrace(traceFile, from, to) } };
}

// Statement texts (prefixed with the route they came from, if any) with their counts, most
// frequent first.
export function groupStatements(traced: TracedStatement[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of traced) {
    const key = s.context.startsWith("- ") ? s.sql : `[${s.context}] ${s.sql}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
