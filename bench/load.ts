// Load generation: autocannon phases (throughput and latency, session cookies rotated per
// request) and a checked pass where each of many distinct readers requests a page once.
import http from "node:http";
import autocannon from "autocannon";
import { cpuMillis, sampleRss } from "./proc";

export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  rss: { peak: number | null; end: number | null } | null;
  serverCpuMs: number | null; // CPU the measured server used during the run
};

// `host`: the Host header to send (selects the publication; the socket still goes to `baseUrl`,
// since Node cannot resolve names like data.localhost).
// `headers`: more request headers (e.g. Accept-Encoding; autocannon sends none by itself).
export async function runLoad(opts: {
  baseUrl: string;
  path: string;
  connections: number;
  seconds: number;
  cookies?: string[];
  rssPid?: number;
  host?: string;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const cookies = opts.cookies ?? [];
  let next = 0;
  const request: autocannon.Request = { method: "GET", path: opts.path };
  // A different reader's cookie on every request: the server cannot serve signed-in readers from
  // anything keyed on one session.
  if (cookies.length) request.setupRequest = (req) => ({ ...req, headers: { ...req.headers, cookie: cookies[next++ % cookies.length] } });
  const headers = { accept: "text/html,application/xhtml+xml", ...(opts.host ? { host: opts.host } : {}), ...opts.headers };
  return (await measure(opts, { headers, requests: [request] })).figures;
}

// Runs autocannon (bounded: it stops by itself after `seconds`; the guard only ends a wedged run)
// and reads its figures with the server's RSS and CPU over it.
async function measure(
  opts: { baseUrl: string; connections: number; seconds: number; rssPid?: number },
  options: Pick<autocannon.Options, "headers" | "requests" | "setupClient">,
): Promise<{ figures: LoadResult; raw: autocannon.Result }> {
  const rss = opts.rssPid ? sampleRss(opts.rssPid) : null;
  const cpuBefore = opts.rssPid ? cpuMillis(opts.rssPid) : null;
  // Without a callback autocannon returns its tracker made thenable; the tracker can stop().
  const instance = autocannon({
    url: opts.baseUrl,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    ...options,
  }) as unknown as Promise<autocannon.Result> & {
    stop: () => void;
  };
  const guard = setTimeout(() => instance.stop(), (opts.seconds + 30) * 1000);
  const result = await instance;
  clearTimeout(guard);
  const cpuAfter = opts.rssPid ? cpuMillis(opts.rssPid) : null;
  const figures: LoadResult = {
    requests: result.requests.total,
    // Completed requests over the run's length (autocannon's own average skips partial seconds).
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    rss: rss ? rss.stop() : null,
    serverCpuMs: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
  };
  return { figures, raw: result };
}

// One load over several targets (publications) at once from a single generator: connection k reads
// target k mod n for the whole run, so every target gets the same connections (spread alike over
// the generator's start order) and the generator is the same shape whatever the mix. Per target:
// requests, requests/s, latency percentiles and failures; the server's RSS and CPU once, for all.
export type LoadTarget = { path: string; host?: string; cookies: string[] };

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);

export async function runTargetsLoad(opts: {
  baseUrl: string;
  targets: LoadTarget[];
  connections: number;
  seconds: number;
  rssPid?: number;
}): Promise<{ all: LoadResult; perTarget: LoadResult[] }> {
  const stats = opts.targets.map(() => ({ latencies: [] as number[], non2xx: 0, errors: 0, timeouts: 0 }));
  const requests = opts.targets.map((t) => {
    let next = 0;
    const request: autocannon.Request = { method: "GET", path: t.path };
    // A different reader's cookie on every request, as in runLoad.
    request.setupRequest = (req) => ({
      ...req,
      headers: { ...req.headers, ...(t.host ? { host: t.host } : {}), ...(t.cookies.length ? { cookie: t.cookies[next++ % t.cookies.length] } : {}) },
    });
    return request;
  });
  let clients = 0;
  const setupClient = (client: autocannon.Client) => {
    const k = clients++ % opts.targets.length;
    client.setRequests([requests[k]]);
    client.on("response", (status: number, _bytes: number, duration: number) => {
      stats[k].latencies.push(duration);
      if (status < 200 || status > 299) stats[k].non2xx++;
    });
    // Events autocannon's typings leave out.
    const emitter: NodeJS.EventEmitter = client;
    emitter.on("connError", () => stats[k].errors++);
    emitter.on("timeout", () => stats[k].timeouts++);
  };
  const { figures: all, raw: result } = await measure(opts, { headers: { accept: "text/html,application/xhtml+xml" }, requests: [requests[0]], setupClient });
  const perTarget = stats.map((st) => {
    const sorted = [...st.latencies].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      requestsPerSecond: sorted.length / result.duration,
      p50: Math.round(percentile(sorted, 0.5) * 100) / 100,
      p99: Math.round(percentile(sorted, 0.99) * 100) / 100,
      non2xx: st.non2xx,
      errors: st.errors,
      timeouts: st.timeouts,
      seconds: result.duration,
      rss: null,
      serverCpuMs: null,
    };
  });
  return { all, perTarget };
}

// Several runs of one kind as one figure: requests/s over the summed time, p50 as the
// request-weighted mean of the runs, p99 as the worst run's (a conservative merge).
export function combineResults(runs: LoadResult[]): LoadResult {
  const requests = runs.reduce((s, r) => s + r.requests, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const peaks = runs.map((r) => r.rss?.peak ?? null).filter((v): v is number => v !== null);
  const last = runs[runs.length - 1];
  return {
    requests,
    seconds,
    requestsPerSecond: seconds ? requests / seconds : 0,
    p50: Math.round((runs.reduce((s, r) => s + r.p50 * r.requests, 0) / Math.max(1, requests)) * 100) / 100,
    p99: Math.max(...runs.map((r) => r.p99)),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    timeouts: runs.reduce((s, r) => s + r.timeouts, 0),
    rss: last.rss ? { peak: peaks.length ? Math.max(...peaks) : null, end: last.rss.end } : null,
    serverCpuMs: runs.every((r) => r.serverCpuMs !== null) ? runs.reduce((s, r) => s + r.serverCpuMs!, 0) : null,
  };
}

// `host`: the Host header of this visit (its publication), as in runLoad, default the baseUrl's;
// `path`: this visit's own path, default visitEach's.
export type Visit = {
  cookie: string | null;
  host?: string;
  path?: string;
  expect: (res: { status: number; headers: http.IncomingHttpHeaders; body: string }) => string | null;
};
export type VisitReport = { requests: number; ok: number; failures: Map<string, number>; seconds: number };

function get(
  agent: http.Agent,
  url: URL,
  cookie: string | null,
  host: string | undefined,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { accept: "text/html", ...(cookie ? { cookie } : {}), ...(host ? { host } : {}) }, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

// Each visit once, `concurrency` at a time, every response checked; bounded by `maxSeconds`.
export async function visitEach(baseUrl: string, path: string, visits: Visit[], concurrency: number, maxSeconds = 300): Promise<VisitReport> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(path, baseUrl);
  const failures = new Map<string, number>();
  const fail = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
  const started = Date.now();
  const deadline = started + maxSeconds * 1000;
  let index = 0;
  let ok = 0;
  let done = 0;
  const worker = async () => {
    while (index < visits.length && Date.now() < deadline) {
      const visit = visits[index++];
      try {
        const why = visit.expect(await get(agent, visit.path ? new URL(visit.path, baseUrl) : url, visit.cookie, visit.host));
        if (why) fail(why);
        else ok++;
      } catch (err) {
        fail(`request error: ${(err as Error).message}`);
      }
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, visits.length) }, worker));
  agent.destroy();
  if (done < visits.length) fail(`stopped after ${maxSeconds} s with ${visits.length - done} visits left`);
  return { requests: done, ok, failures, seconds: (Date.now() - started) / 1000 };
}
