// Requests for the fault tests: never throw — a refused or reset connection is status 0 with the
// reason, so a test can tell "the server answered 503" from "the server was gone".
export type Answer = { status: number; body: string; at: number; error?: string };

export async function hit(baseUrl: string, path: string, init: RequestInit = {}, timeoutMs = 20_000): Promise<Answer> {
  try {
    const res = await fetch(new URL(path, baseUrl), { redirect: "manual", ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await res.text(), at: Date.now() };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { status: 0, body: "", at: Date.now(), error: `${(err as Error).name}: ${(err as Error).message}${cause ? ` (${cause})` : ""}` };
  }
}

// A stack frame, a source path or a driver message in an error page is a leak.
const LEAKS = [/\n\s+at [\w.<>]+ \(/, /node_modules\//, /\/work\/|\/home\/|\.next[\w-]*\/server/, /ECONNREFUSED|terminating connection|Connection terminated/i];

export function leakIn(body: string): string | null {
  for (const re of LEAKS) {
    const m = re.exec(body);
    if (m) return body.slice(Math.max(0, m.index - 80), m.index + 120);
  }
  return null;
}

/** The leaks in these answers' 5xx bodies: a failure under a fault must be a clean error page. */
export function leaksIn5xx(answers: Answer[]): string[] {
  return answers.flatMap((a) => (a.status >= 500 ? (leakIn(a.body) ?? []) : []));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `worker` in `n` loops until `stop()` says so. */
export async function loops(n: number, stop: () => boolean, worker: (i: number) => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      while (!stop()) await worker(i);
    }),
  );
}
