// Issue 9: a sustained soak — `connections` workers of mixed traffic for --soak-seconds (default
// 300): anonymous and per-tier readers, searches, comment threads, comment posts by premium
// members and signed Stripe webhooks. Per window (a minute, or a fifth of a shorter run): requests,
// p50/p99, errors and the server's RSS. Checks: zero errors; every later window's p99 within 3×
// the first window's; RSS at the end within 10 % of RSS after the first (warm-up) window.
import path from "node:path";
import { readOrCreateSecret, webhookSecretFile } from "@/lib/billing/stripe/webhook-secret-file";
import type { BenchContext } from "../context";
import { rssBytes } from "../proc";
import { mb, num } from "../report";
import { runSoak, type Sample } from "../soak-traffic";
import { soakWebhooks } from "../soak-webhooks";

const CONNECTIONS = 64;
const COMMENTS_PER_SECOND = 2; // × 60 s over ≥ 100 premium members: under five a minute each
const WEBHOOKS_PER_SECOND = 4;

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

type Window = { index: number; samples: Sample[]; rssEnd: number | null; rssPeak: number | null };

export async function soakSection(ctx: BenchContext): Promise<void> {
  const { report, server, opts } = ctx;
  const seconds = opts.soakSeconds;
  const windowMs = (seconds >= 300 ? 60 : Math.max(5, seconds / 5)) * 1000;
  report.section(`Soak (issue 9): ${CONNECTIONS} connections of mixed traffic for ${seconds} s`);

  // Members whose sessions the readers use are never sent webhooks (a grant change would make
  // their cookies stale mid-run); the webhooks go to a separate slice of free members.
  const free = ctx.byTier.get("free") ?? [];
  const webhookMembers = free.slice(-200);
  const readers = ctx.cookies.filter((c) => !webhookMembers.includes(c));
  const commenters = ctx.byTier.get("premium") ?? [];
  if (commenters.length < 100)
    throw new Error(`the soak needs at least 100 premium members to rotate comment posts over (found ${commenters.length}); raise --members`);
  if (webhookMembers.length < 50) throw new Error(`the soak needs at least 50 free members for webhooks (found ${webhookMembers.length})`);
  // The server generated (or will read) its webhook secret in the bench data folder.
  const secret = readOrCreateSecret(webhookSecretFile(path.resolve(opts.dataDir)));
  const webhooks = soakWebhooks(
    webhookMembers.map((c) => c.memberId),
    secret,
    new Date(),
  );
  const slugs = Array.from({ length: 30 }, (_, i) => `bench-${String(i + 1).padStart(3, "0")}-`);
  const pieceSlugs = await discoverSlugs(server.baseUrl, slugs);
  report.line(
    `mix: 30% anonymous, 40% signed-in readers (${num(readers.length)} sessions, every tier), 10% search, 20% comment threads; plus ${COMMENTS_PER_SECOND} comment posts/s over ${num(commenters.length)} premium members and ${WEBHOOKS_PER_SECOND} signed webhooks/s (${num(webhooks.total)} events of ${webhookMembers.length} subscriptions, 1 in 10 a redelivery)`,
  );

  // Warm-up (not measured): every piece once per tier, so the first window measures a server with
  // its per-tier renders cached, as in production, rather than the first render of each.
  const warm = Date.now();
  const oneOfEachTier = [null, ...[...ctx.byTier.values()].map((list) => list[0]?.cookie ?? null).filter((c): c is string => c !== null)];
  const visits = [...pieceSlugs.map((s) => `/articles/${s}`), ctx.gatedPath].flatMap((p) => oneOfEachTier.map((cookie) => ({ p, cookie })));
  for (let i = 0; i < visits.length; i += 8) {
    await Promise.all(
      visits.slice(i, i + 8).map(({ p, cookie }) => fetch(new URL(p, server.baseUrl), { headers: cookie ? { cookie } : {} }).then((r) => r.arrayBuffer())),
    );
  }
  report.line(`warm-up: ${visits.length} renders (every piece once per tier) in ${((Date.now() - warm) / 1000).toFixed(0)} s, not measured`);

  const windows: Window[] = [];
  const started = Date.now();
  const windowOf = (at: number) => {
    const index = Math.min(Math.floor((at - started) / windowMs), Math.ceil((seconds * 1000) / windowMs) - 1);
    while (windows.length <= index) windows.push({ index: windows.length, samples: [], rssEnd: null, rssPeak: null });
    return windows[index];
  };
  // RSS sampled every second; the value at each window's end is the one compared.
  const rssTimer = setInterval(() => {
    const w = windowOf(Date.now());
    const v = rssBytes(server.pid);
    if (v !== null) {
      w.rssEnd = v;
      w.rssPeak = Math.max(w.rssPeak ?? 0, v);
    }
  }, 1000);
  try {
    await runSoak(
      {
        baseUrl: server.baseUrl,
        connections: CONNECTIONS,
        seconds,
        slugs: pieceSlugs,
        gatedPath: ctx.gatedPath,
        readers,
        commenters,
        commentsPerSecond: COMMENTS_PER_SECOND,
        webhooksPerSecond: WEBHOOKS_PER_SECOND,
        webhooks,
      },
      (s) => windowOf(s.at).samples.push(s),
    );
  } finally {
    clearInterval(rssTimer);
  }
  const last = windows[windows.length - 1];
  last.rssEnd = rssBytes(server.pid) ?? last.rssEnd;

  const rows = windows.map((w) => {
    const ms = w.samples.map((s) => s.ms).sort((a, b) => a - b);
    const errors = w.samples.filter((s) => s.verdict === "error").length;
    return {
      window: `${((w.index * windowMs) / 1000).toFixed(0)}–${(((w.index + 1) * windowMs) / 1000).toFixed(0)} s`,
      requests: num(w.samples.length),
      "req/s": num(w.samples.length / (windowMs / 1000), 0),
      "p50 ms": num(pct(ms, 50), 1),
      "p99 ms": num(pct(ms, 99), 1),
      errors,
      limited: w.samples.filter((s) => s.verdict === "limited").length,
      webhooks: w.samples.filter((s) => s.kind === "webhook").length,
      "RSS end": mb(w.rssEnd),
      "RSS peak": mb(w.rssPeak),
      p99: pct(ms, 99),
    };
  });
  report.table(rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== "p99"))));
  const all = windows.flatMap((w) => w.samples);
  const byKind = new Map<string, number[]>();
  for (const s of all) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.ms]);
  report.line(
    `by kind: ${[...byKind]
      .map(
        ([k, v]) =>
          `${k} ${num(v.length)} (p99 ${num(
            pct(
              v.sort((a, b) => a - b),
              99,
            ),
            0,
          )} ms)`,
      )
      .join(", ")}`,
  );
  report.record("soak", { seconds, connections: CONNECTIONS, windowSeconds: windowMs / 1000, rows });

  const errors = all.filter((s) => s.verdict === "error");
  const reasons = new Map<string, number>();
  for (const e of errors) reasons.set(e.why ?? "?", (reasons.get(e.why ?? "?") ?? 0) + 1);
  report.check(
    "soak: zero errors (reads 200, comment posts 201, webhooks 200; a refused or timed-out request is an error; 429 on a comment post is counted apart)",
    errors.length === 0,
    errors.length
      ? `${num(errors.length)} errors of ${num(all.length)}: ${[...reasons]
          .slice(0, 5)
          .map(([w, n]) => `${n}× ${w}`)
          .join("; ")}`
      : `${num(all.length)} requests, ${all.filter((s) => s.verdict === "limited").length} comment posts limited (429)`,
  );
  const first = rows[0]?.p99 ?? 0;
  const worst = rows.slice(1).reduce((m, r) => Math.max(m, r.p99), 0);
  report.check(
    "soak: p99 of every later window ≤ 3 × the first window's",
    rows.length > 1 && worst <= 3 * first,
    `first ${num(first, 1)} ms, worst later ${num(worst, 1)} ms (${first ? (worst / first).toFixed(2) : "?"}×)`,
  );
  const afterFirst = windows[0]?.rssEnd ?? null;
  const end = last.rssEnd;
  const growth = afterFirst && end ? (end - afterFirst) / afterFirst : null;
  report.check(
    "soak: server RSS at the end within 10 % of RSS after the first (warm-up) window",
    growth !== null && growth <= 0.1,
    `${mb(afterFirst)} → ${mb(end)} (${growth === null ? "?" : `${(growth * 100).toFixed(1)} %`})`,
  );
}

// The generated public pieces' slugs are `bench-NNN-<demo slug>`: read them from the sitemap
// rather than guessing the suffix.
async function discoverSlugs(baseUrl: string, prefixes: string[]): Promise<string[]> {
  const res = await fetch(new URL("/sitemap.xml", baseUrl));
  const xml = await res.text();
  const found = [...xml.matchAll(/\/articles\/([^<"/?#]+)/g)].map((m) => decodeURIComponent(m[1]));
  const bench = found.filter((s) => prefixes.some((p) => s.startsWith(p)));
  const slugs = [...new Set(bench.length >= 5 ? bench : found)];
  if (slugs.length < 5) throw new Error(`the sitemap lists only ${slugs.length} pieces`);
  return slugs.slice(0, 60);
}
