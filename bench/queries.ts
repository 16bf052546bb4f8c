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

// The per-tier render route: statements sent from inside it are renders of a (publication, tier,
// piece) entry, which in steady state means an ISR re-render after the page's revalidate time.
export const RENDER_ROUTE = "/t/[pub]/[tier]/articles/[slug]";

export type PhaseWindow = { label: string; requests: number; window: QueryWindow };

export function mergeWindows(label: string, parts: { requests: number; window: QueryWindow }[]): PhaseWindow {
  const traced = parts.every((p) => p.window.traced !== null) ? parts.flatMap((p) => p.window.traced!) : null;
  return {
    label,
    requests: parts.reduce((s, p) => s + p.requests, 0),
    window: { statements: parts.reduce((s, p) => s + p.window.statements, 0), seconds: parts.reduce((s, p) => s + p.window.seconds, 0), traced },
  };
}

export type ArticlePathStatements = {
  requests: number;
  statements: number; // the server's counter over the windows
  seconds: number;
  onPath: number; // caused by article requests: ISR re-renders plus the request path proper
  perRequest: number;
  lines: string[]; // how they were sorted, for the report
  detail: string; // for the PASS/FAIL line
};

// Every statement in the measured windows, sorted by where it was sent from (the trace's context:
// the Next route and work kind, "- -" outside any): ISR re-renders of the per-tier page, other
// routes (the request path proper — the proxy runs as route "/", a session re-mint as
// /api/session/refresh), and no route at all. Work a request starts keeps its route through every
// await and timer (AsyncLocalStorage), so statements from no route are the server's own
// background: timers, listeners, queue workers started at boot. Those the idle server also sends
// are the steady ones; the others are listed by text (e.g. the publish clock's five-minute re-check,
// or the email worker draining a queue) so they can be judged, but not counted against requests.
// `onPath` counts re-renders and route statements: the target is none at all in steady state.
// Without the trace: anything beyond the idle rate (plus one poll of jitter per window).
export function articlePathStatements(windows: PhaseWindow[], idle: QueryWindow): ArticlePathStatements {
  const requests = windows.reduce((s, w) => s + w.requests, 0);
  const statements = windows.reduce((s, w) => s + w.window.statements, 0);
  const seconds = windows.reduce((s, w) => s + w.window.seconds, 0);
  const idleRate = idle.statements / idle.seconds;
  const lines = [
    `idle server: ${idle.statements} statements in ${idle.seconds.toFixed(1)} s (${idleRate.toFixed(2)}/s)${
      idle.traced
        ? `: ${groupStatements(idle.traced)
            .map(([s, n]) => `${n}× ${s.slice(0, 90)}`)
            .join("; ")}`
        : ""
    }`,
    `article windows (${windows.map((w) => w.label).join(", ")}): ${requests.toLocaleString("en-US")} requests, ${statements} statements in ${seconds.toFixed(1)} s`,
  ];
  let onPath: number;
  let detail: string;
  if (windows.every((w) => w.window.traced !== null) && idle.traced !== null) {
    const noRoute = (s: TracedStatement) => s.context.startsWith("- ");
    const steady = new Set(idle.traced.filter(noRoute).map((s) => s.sql));
    const isRender = (s: TracedStatement) => s.context.startsWith(`${RENDER_ROUTE} `);
    const all = windows.flatMap((w) => w.window.traced!);
    const renders = all.filter(isRender).length;
    const request = all.filter((s) => !noRoute(s) && !isRender(s)).length;
    const unsteady = all.filter((s) => noRoute(s) && !steady.has(s.sql));
    onPath = renders + request;
    if (all.length !== statements) lines.push(`note: the statement trace saw ${all.length} statements, the server's counter ${statements}`);
    lines.push(
      `background, from no route: ${all.length - onPath} (${unsteady.length} of them not sent while idle) · ISR re-renders of ${RENDER_ROUTE}: ${renders} · statements from a route (the request path): ${request}`,
    );
    if (unsteady.length)
      lines.push(
        `  background not sent while idle: ${groupStatements(unsteady)
          .map(([s, n]) => `${n}× ${s.slice(0, 140)}`)
          .join(" | ")}`,
      );
    for (const w of windows) {
      const own = w.window.traced!.filter((s) => !noRoute(s));
      if (own.length)
        lines.push(
          `  ${w.label}: ${groupStatements(own)
            .map(([s, n]) => `${n}× ${s.slice(0, 140)}`)
            .join(" | ")}`,
        );
    }
    detail = `${onPath} / ${requests.toLocaleString("en-US")} requests${renders ? `; ${renders} of them from ISR re-renders of the per-tier page once its revalidate time passed, ${request} from the request path itself` : ""}`;
  } else {
    const expected = Math.ceil(idleRate * seconds) + windows.length;
    onPath = Math.max(0, statements - expected);
    detail = `${statements} statements vs ≤ ${expected} expected from the idle rate, over ${requests.toLocaleString("en-US")} requests`;
  }
  return { requests, statements, seconds, onPath, perRequest: requests ? onPath / requests : 0, lines, detail };
}
