// Issue 17's benchmark (`npm run bench -- --email`): a premium piece published with
// `newsletter: true` through the Admin API and sent to the primary's 10,000 bench members (spread
// over 20 recipient domains) through a local SMTP sink, while premium readers load the web.
// Two sends of the same kind: one alone, one under web load. Figures: messages/s from the first message to the last, total time from the publish call,
// the server's RSS, and the web's premium req/s during the send against the idle figure (the
// mean of the same load just before and just after the send). Checks: every recipient exactly
// once, ≥ 200 messages/s, web ≥ 0.8 × idle.
import os from "node:os";
import type { BenchContext } from "../context";
import { combineResults, runLoad, type LoadResult } from "../load";
import { cpuMillis, rssBytes, sampleRss } from "../proc";
import { mb, num } from "../report";
import type { SinkMessage, SmtpSink } from "../smtp-sink";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// `markers`: one per send (alone, under load); each newsletter's subject carries its own.
// `worker`: the send queue's worker process (`npm run email:worker`; the server runs with EMAIL_WORKER=off).
export type EmailBench = {
  sink: SmtpSink;
  markers: { alone: string; underLoad: string };
  recipients: Set<string>;
  adminToken: string;
  worker?: { pid: number; logFile: string };
};

type Send = {
  published: number;
  sent: SinkMessage[];
  span: number;
  rate: number;
  total: number;
  firstAfter: number;
  twice: number;
  missing: number;
  strangers: number;
  avgBytes: number;
};

// A long-form Korean piece (about 9 KB of text) cut by the paywall in the middle, so free
// members' copies are the teaser and premium members' the whole text.
function pieceBody(): string {
  const paragraph = (i: number) =>
    `${i}. 지역 재정 자료를 다시 읽으면, 지난 10년 동안 기초자치단체의 의존 재원 비율은 꾸준히 올랐고 자체 세입은 인구 감소와 함께 줄었다. ` +
    `이 글은 그 흐름을 연도별 예산서와 결산서로 확인하고, 표 하나로 요약되지 않는 차이를 짚는다. Data from the budget books, cross-checked with the settlement reports.`;
  const half = (from: number) => Array.from({ length: 12 }, (_, k) => paragraph(from + k)).join("\n\n");
  return `${half(1)}\n\n<!-- paywall -->\n\n${half(13)}`;
}

async function publish(ctx: BenchContext, email: EmailBench, marker: string): Promise<number> {
  const published = Date.now();
  const res = await fetch(`${ctx.server.baseUrl}/api/admin/v1/articles`, {
    method: "POST",
    headers: { authorization: `Bearer ${email.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ title: `Masthead bench newsletter ${marker}`, body: pieceBody(), access: "premium", status: "published", newsletter: true }),
  });
  if (res.status !== 201) throw new Error(`publishing the newsletter piece answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return published;
}

// Waits (running `meanwhile` in a loop, or polling) until every recipient has the piece or nothing
// arrived for 60 s, or `maxSeconds` passed (the figures then show what did not arrive).
async function untilDelivered(email: EmailBench, marker: string, meanwhile: (() => Promise<unknown>) | null, maxSeconds = 300): Promise<void> {
  let lastCount = -1;
  let lastProgress = Date.now();
  const deadline = Date.now() + maxSeconds * 1000;
  while (email.sink.received(marker).length < email.recipients.size && Date.now() < deadline) {
    if (meanwhile) await meanwhile();
    else await sleep(200);
    const count = email.sink.received(marker).length;
    if (count !== lastCount) [lastCount, lastProgress] = [count, Date.now()];
    else if (Date.now() - lastProgress > 60_000) break;
  }
}

function summarize(email: EmailBench, marker: string, published: number): Send {
  const sent = email.sink.received(marker);
  const counts = new Map<string, number>();
  for (const m of sent) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  const finished = sent.length ? sent[sent.length - 1].at : Date.now();
  const span = sent.length > 1 ? (finished - sent[0].at) / 1000 : NaN;
  return {
    published,
    sent,
    span,
    rate: sent.length > 1 ? (sent.length - 1) / span : 0,
    total: (finished - published) / 1000,
    firstAfter: sent.length ? (sent[0].at - published) / 1000 : NaN,
    twice: [...counts.values()].filter((n) => n > 1).length,
    missing: [...email.recipients].filter((a) => !counts.has(a)).length,
    strangers: [...counts.keys()].filter((a) => !email.recipients.has(a)).length,
    avgBytes: sent.length ? sent.reduce((s, m) => s + m.bytes, 0) / sent.length : 0,
  };
}

const sendText = (s: Send) =>
  `${num(s.sent.length)} messages (avg ${num(s.avgBytes / 1024, 1)} KB) in ${s.span.toFixed(1)} s first → last = ${num(s.rate)} messages/s; ` +
  `first ${s.firstAfter.toFixed(1)} s after the publish call, last ${s.total.toFixed(1)} s after it`;

export async function emailSection(ctx: BenchContext, email: EmailBench): Promise<void> {
  const { report, server, opts } = ctx;
  const premium = (ctx.byTier.get("premium") ?? []).map((c) => c.cookie);
  const seconds = opts.quick ? 4 : 10;
  const windowSeconds = opts.quick ? 2 : 5;
  const load = (s: number) =>
    runLoad({ baseUrl: server.baseUrl, path: ctx.gatedPath, connections: opts.connections, seconds: s, cookies: premium, rssPid: server.pid });
  report.section(
    `Email (issue 17): a premium piece sent as a newsletter to ${num(email.recipients.size)} members over ${new Set([...email.recipients].map((a) => a.split("@")[1])).size} domains through a local SMTP sink (${email.sink.url}), ` +
      `while ${opts.connections} connections of premium readers load ${ctx.gatedPath}`,
  );
  report.line(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} (the load generator and the SMTP sink share these cores with the server)`,
  );

  if (opts.warmupSeconds > 0) await load(opts.warmupSeconds);
  const rssIdle = rssBytes(server.pid);

  // 1. The send alone: the queue's own speed.
  const worker = email.worker?.pid ?? null;
  const cpu = () => ({ server: cpuMillis(server.pid), worker: worker ? cpuMillis(worker) : null });
  const workerRss = worker ? sampleRss(worker) : null;
  const cpuBefore = cpu();
  const aloneStarted = await publish(ctx, email, email.markers.alone);
  const rssAlone = sampleRss(server.pid);
  await untilDelivered(email, email.markers.alone, null);
  const rssAlonePeak = rssAlone.stop().peak;
  const cpuAfter = cpu();
  const alone = summarize(email, email.markers.alone, aloneStarted);
  const perMessage = (a: number | null, b: number | null) =>
    a !== null && b !== null && alone.sent.length ? `${num(((b - a) * 1000) / alone.sent.length)} µs` : "?";
  report.line(
    `send alone (no web load): ${sendText(alone)}; server RSS peak ${mb(rssAlonePeak)}; CPU per message: worker process ${perMessage(cpuBefore.worker, cpuAfter.worker)}, web server ${perMessage(cpuBefore.server, cpuAfter.server)}`,
  );
  // The idle figure right before and right after the loaded send, on a server warmed up by then
  // (a first measurement straight after start ran well below later ones).
  await sleep(2_000);
  if (opts.warmupSeconds > 0) await load(opts.warmupSeconds);
  const before = await load(seconds);

  // 2. Another piece to the same list while premium readers load the web, in windows until the
  // last message (a window that ran only partly during the send still counts as "during": the
  // conservative side).
  const published = await publish(ctx, email, email.markers.underLoad);
  const during: LoadResult[] = [];
  await untilDelivered(email, email.markers.underLoad, async () => during.push(await load(windowSeconds)));
  const loaded = summarize(email, email.markers.underLoad, published);
  await sleep(2_000);
  const after = await load(seconds);

  const idle = (before.requestsPerSecond + after.requestsPerSecond) / 2;
  const busy = combineResults(during);
  const rssPeak = Math.max(rssAlonePeak ?? 0, ...[before, after, ...during].map((r) => r.rss?.peak ?? 0));
  const row = (phase: string, r: LoadResult, rss: number | null | undefined) => ({
    phase,
    "req/s": num(r.requestsPerSecond),
    requests: num(r.requests),
    "p50 ms": r.p50,
    "p99 ms": r.p99,
    "non-2xx": r.non2xx + r.errors + r.timeouts,
    "peak RSS": mb(rss),
  });
  report.table([
    row("idle, before the send", before, before.rss?.peak),
    row(`during the send (${during.length} × ${windowSeconds} s)`, busy, Math.max(...during.map((r) => r.rss?.peak ?? 0))),
    row("idle, after the send", after, after.rss?.peak),
  ]);
  report.line(`windows during the send, req/s: ${during.map((r) => num(r.requestsPerSecond)).join(" → ")}`);
  report.line(`send under web load: ${sendText(loaded)}; ${email.sink.others} other messages (notices) in the sink over the section`);
  const workerPeak = workerRss?.stop().peak ?? null;
  report.line(
    `server RSS: ${mb(rssIdle)} before the send, peak ${mb(rssPeak)} over the whole section${worker ? `; the worker process (pid ${worker}, log ${email.worker!.logFile}): peak ${mb(workerPeak)}` : ""}`,
  );
  const figures = (x: Send) => ({
    received: x.sent.length,
    twice: x.twice,
    missing: x.missing,
    strangers: x.strangers,
    span: x.span,
    rate: x.rate,
    total: x.total,
    firstAfter: x.firstAfter,
    avgBytes: x.avgBytes,
  });
  report.record("email", {
    workerRssPeak: workerPeak,
    recipients: email.recipients.size,
    alone: figures(alone),
    underLoad: figures(loaded),
    idle,
    before,
    after,
    during: busy,
    rssIdle,
    rssPeak,
  });

  for (const [name, x] of [
    ["alone", alone],
    ["under web load", loaded],
  ] as const) {
    report.check(
      `email: every recipient received the newsletter exactly once (${name})`,
      x.twice === 0 && x.missing === 0 && x.strangers === 0 && x.sent.length === email.recipients.size,
      `${num(x.sent.length)} messages for ${num(email.recipients.size)} recipients: ${x.missing} missing, ${x.twice} twice, ${x.strangers} to addresses outside the list`,
    );
  }
  report.check(
    "email: ≥ 200 messages/s through the SMTP pool (the send alone)",
    alone.rate >= 200,
    `${num(alone.rate)} messages/s (${num(alone.sent.length)} in ${alone.span.toFixed(1)} s)`,
  );
  report.check(
    "email: ≥ 200 messages/s while the web is under full load",
    loaded.rate >= 200,
    `${num(loaded.rate)} messages/s (${num(loaded.sent.length)} in ${loaded.span.toFixed(1)} s, ${opts.connections} connections of premium readers meanwhile)`,
  );
  report.check(
    "email: the web's premium req/s during the send ≥ 0.8 × idle",
    busy.requestsPerSecond >= 0.8 * idle,
    `${num(busy.requestsPerSecond)} vs ${num(idle)} req/s idle (mean of ${num(before.requestsPerSecond)} before and ${num(after.requestsPerSecond)} after) = × ${(busy.requestsPerSecond / idle).toFixed(3)}`,
  );
}
