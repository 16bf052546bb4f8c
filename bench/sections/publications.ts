// Issue 16's benchmark: two publications on one install (the primary and `data`, each at its own
// host), premium readers of both at once. Cache bytes from 10 to N distinct readers of each
// (publications-cache.ts), per-publication requests/s against the same publication alone at the
// same total concurrency, and the database statements made on the article path.
import os from "node:os";
import type { BenchContext, BenchPublication } from "../context";
import { combineResults, runTargetsLoad, visitEach, type LoadResult } from "../load";
import { countQueries, mergeWindows, type PhaseWindow, type QueryWindow } from "../queries";
import { mb, num } from "../report";
import { publicationsCacheGrowth } from "./publications-cache";
import { failureText, queriesPerRequest, visitsFor } from "./readers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const label = (pub: BenchPublication) => `${pub.slug} (${pub.host ?? "localhost"})`;

// Every phase is one load generator with the same `--connections`: alone, all of them read one
// publication's host; together, connection k reads publication k mod n (runTargetsLoad). So the
// generator has the same shape in every phase and the only difference between "alone" and
// "together" is which host the other connections read. (Two generators in one process would not
// do: the one started first gets ahead, by up to 10× in one-second runs on 2 busy cores.)
type Phase = { label: string; pubs: number[] };
type Run = { perPub: (LoadResult | null)[]; all: LoadResult; window: QueryWindow };

async function runPhase(ctx: BenchContext, pubs: BenchPublication[], phase: Phase, seconds: number, measure: boolean): Promise<Run> {
  const { server } = ctx;
  const targets = phase.pubs.map((i) => ({
    path: pubs[i].gatedPath,
    host: pubs[i].host ?? undefined,
    cookies: (pubs[i].byTier.get(pubs[i].gatedTier) ?? []).map((c) => c.cookie),
  }));
  const work = () => runTargetsLoad({ baseUrl: server.baseUrl, targets, connections: ctx.opts.connections, seconds, rssPid: measure ? server.pid : undefined });
  const { result, window } = measure
    ? await countQueries(server, ctx.traceFile, work)
    : { result: await work(), window: { statements: 0, seconds: 0, traced: null } };
  return { perPub: pubs.map((_, i) => (phase.pubs.includes(i) ? result.perTarget[phase.pubs.indexOf(i)] : null)), all: result.all, window };
}

async function throughput(ctx: BenchContext, pubs: BenchPublication[]): Promise<{ windows: PhaseWindow[]; idle: QueryWindow }> {
  const { report, server, opts } = ctx;
  // Twice the readers section's rounds, half as long: three phases cycle faster than bursts of
  // other work on a shared machine, so each phase samples the same mix of them.
  const rounds = opts.rounds * 2;
  const perRound = Math.max(1, Math.round(opts.durationSeconds / rounds));
  // Connections per publication in the together phase (connection k reads publication k mod n).
  const shares = pubs.map((_, i) => Math.floor(opts.connections / pubs.length) + (i < opts.connections % pubs.length ? 1 : 0));
  const phases: Phase[] = [...pubs.map((pub, i) => ({ label: `${pub.slug} alone`, pubs: [i] })), { label: "together", pubs: pubs.map((_, i) => i) }];
  report.section(
    `Two publications: premium readers of ${pubs.map((p) => `${p.gatedPath} on ${label(p)}`).join(" and ")}; ${opts.connections} connections in every phase, ` +
      `from one load generator (alone: all on one host; together: ${shares.join(" + ")}, alternating by connection); per phase ${opts.warmupSeconds} s warm-up, then ${rounds} × ${perRound} s in mirrored order`,
  );
  report.line(
    "method: the same total concurrency from the same load generator in every phase, so the server (CPU-bound here) has the same work to share; in the together phase a " +
      "publication gets its share of the connections, and its req/s is compared with its alone req/s times that share. Both gated pieces have the same body and preview cut, so a " +
      "request costs about the same on either host.",
  );
  const primaryMembers = new Set(pubs[0].cookies.map((c) => c.memberId));
  for (const pub of pubs) {
    const premium = pub.byTier.get(pub.gatedTier) ?? [];
    const viaBundle = pub === pubs[0] ? 0 : premium.filter((c) => primaryMembers.has(c.memberId)).length;
    report.line(
      `${label(pub)}: ${num(premium.length)} ${pub.gatedTier} sessions signed in on this host${viaBundle ? ` (${num(viaBundle)} of them the primary's premium members, premium here through the bundle)` : ""}`,
    );
  }
  report.line(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} before the runs (the load generator shares these cores)`,
  );
  const idle = (await countQueries(server, ctx.traceFile, () => sleep(opts.idleSeconds * 1000))).window;

  for (const pub of pubs) {
    const sample = visitsFor(pub, (pub.byTier.get(pub.gatedTier) ?? []).slice(0, 50));
    const checked = await visitEach(server.baseUrl, pub.gatedPath, sample, 4);
    if (checked.ok !== sample.length) report.line(`${label(pub)}: sample check failed: ${failureText(checked)}`);
  }
  const order: Phase[] = [];
  for (let r = 0; r < rounds; r++) order.push(...(r % 2 === 0 ? phases : [...phases].reverse()));
  const runs = new Map<string, Run[]>();
  const sequence: { phase: Phase; run: Run }[] = [];
  const loadAvg = new Map<string, number>();
  for (const phase of order) {
    if (!runs.has(phase.label)) {
      if (opts.warmupSeconds > 0) await runPhase(ctx, pubs, phase, opts.warmupSeconds, false);
      runs.set(phase.label, []);
    }
    const run = await runPhase(ctx, pubs, phase, perRound, true);
    runs.get(phase.label)!.push(run);
    sequence.push({ phase, run });
    loadAvg.set(phase.label, Math.max(loadAvg.get(phase.label) ?? 0, os.loadavg()[0]));
  }

  // Per publication and phase, merged over the rounds.
  const figure = (phase: Phase, pub: number) => combineResults(runs.get(phase.label)!.map((run) => run.perPub[pub]!));
  const together = phases[phases.length - 1];
  const alone = pubs.map((_, i) => figure(phases[i], i));
  const both = pubs.map((_, i) => figure(together, i));
  const cpuPerRequest = (phase: Phase) => {
    const list = runs.get(phase.label)!;
    const cpu = list.reduce((s, r) => s + (r.all.serverCpuMs ?? NaN), 0);
    const requests = list.reduce((s, r) => s + r.all.requests, 0);
    return Number.isFinite(cpu) && requests ? (cpu * 1000) / requests : null;
  };
  const row = (phase: Phase, i: number, r: LoadResult) => ({
    phase: phase.label,
    publication: pubs[i].slug,
    connections: num(phase.pubs.length > 1 ? shares[i] : opts.connections),
    "req/s": num(r.requestsPerSecond),
    requests: num(r.requests),
    "p50 ms": r.p50,
    "p99 ms": r.p99,
    "non-2xx": r.non2xx + r.errors + r.timeouts,
    "load avg": loadAvg.get(phase.label)!.toFixed(1),
  });
  report.table([...pubs.map((_, i) => row(phases[i], i, alone[i])), ...pubs.map((_, i) => row(together, i, both[i]))]);
  const rss = (phase: Phase) => {
    const peaks = runs
      .get(phase.label)!
      .map((r) => r.all.rss?.peak ?? null)
      .filter((v): v is number => v !== null);
    return peaks.length ? mb(Math.max(...peaks)) : "?";
  };
  report.line(
    `server CPU per request (all the phase's requests) and peak RSS: ${phases.map((p) => `${p.label} ${fmtMicros(cpuPerRequest(p))}, ${rss(p)}`).join(" · ")}`,
  );
  const roundText = ({ phase, run }: { phase: Phase; run: Run }) =>
    `${phase.label} ${run.perPub
      .map((r, i) => (r ? `${pubs[i].slug} ${num(r.requestsPerSecond)}` : null))
      .filter(Boolean)
      .join(" + ")}`;
  report.line(`rounds, req/s: ${sequence.map(roundText).join(" → ")}`);
  const reference = ctx.results.get("premium");
  if (reference)
    report.line(
      `for reference, the readers section's premium figure on ${ctx.gatedPath} (same server and connections, earlier in this run): ${num(reference.requestsPerSecond)} req/s`,
    );

  // Per publication against the single-publication figure (the primary alone) times its share of
  // the connections. With equal connections both publications get about the same rate together
  // (the shared server queue sets every connection's pace), so a publication whose page is
  // cheaper to serve would look worse against its own alone figure than it is: that comparison,
  // and the capacity both used, are printed, the checks use the single-publication figure.
  const shareOf = (i: number) => shares[i] / opts.connections;
  const single = alone[0].requestsPerSecond;
  const ratios = pubs.map((_, i) => both[i].requestsPerSecond / (single * shareOf(i)));
  const ownRatios = pubs.map((_, i) => both[i].requestsPerSecond / (alone[i].requestsPerSecond * shareOf(i)));
  const capacity = pubs.reduce((s, _, i) => s + both[i].requestsPerSecond / alone[i].requestsPerSecond, 0);
  report.line(
    `against each publication's own alone figure: ${pubs.map((p, i) => `${p.slug} × ${ownRatios[i].toFixed(3)}`).join(", ")}; capacity used together ` +
      `(Σ together ÷ alone, 1.0 = mixing costs nothing): ${pubs.map((p, i) => `${num(both[i].requestsPerSecond)}/${num(alone[i].requestsPerSecond)}`).join(" + ")} = ${capacity.toFixed(3)}`,
  );
  for (const [i, pub] of pubs.entries()) {
    report.check(
      `two publications: ${pub.slug}'s premium req/s together within 10 % of the single-publication figure (same total concurrency)`,
      ratios[i] >= 0.9,
      `${num(both[i].requestsPerSecond)} req/s on ${shares[i]} of ${opts.connections} connections vs ${pubs[0].slug} alone ${num(single)} × ${shareOf(i).toFixed(2)} = ${num(single * shareOf(i))} (× ${ratios[i].toFixed(3)})`,
    );
  }
  const sum = both.reduce((s, r) => s + r.requestsPerSecond, 0);
  const aggregate = sum / alone[0].requestsPerSecond;
  const [cpuAlone, cpuTogether] = [cpuPerRequest(phases[0]), cpuPerRequest(together)];
  const cpuNote =
    cpuAlone && cpuTogether
      ? `; server CPU per request ${num(cpuTogether)} vs ${num(cpuAlone)} µs, a CPU-bound ratio of × ${(cpuAlone / cpuTogether).toFixed(3)}`
      : "";
  report.check(
    `two publications: both hosts together serve within 10 % of the single-publication figure`,
    aggregate >= 0.9,
    `${pubs.map((p, i) => `${p.slug} ${num(both[i].requestsPerSecond)}`).join(" + ")} = ${num(sum)} vs ${pubs[0].slug} alone ${num(alone[0].requestsPerSecond)} req/s (× ${aggregate.toFixed(3)})${cpuNote}`,
  );
  report.record("publicationsThroughput", {
    connections: opts.connections,
    shares,
    alone: Object.fromEntries(pubs.map((p, i) => [p.slug, alone[i]])),
    together: Object.fromEntries(pubs.map((p, i) => [p.slug, both[i]])),
    ratios: Object.fromEntries(pubs.map((p, i) => [p.slug, ratios[i]])),
    ownRatios: Object.fromEntries(pubs.map((p, i) => [p.slug, ownRatios[i]])),
    capacity,
    aggregate,
    cpuPerRequest: Object.fromEntries(phases.map((p) => [p.label, cpuPerRequest(p)])),
  });
  const windows = phases.map((p) =>
    mergeWindows(
      p.label,
      runs.get(p.label)!.map((r) => ({ requests: r.all.requests, window: r.window })),
    ),
  );
  return { windows, idle };
}

const fmtMicros = (v: number | null) => (v === null ? "—" : `${num(v)} µs`);

export async function publicationsSection(ctx: BenchContext): Promise<void> {
  const pubs = ctx.publications;
  if (pubs.length < 2) throw new Error("the two-publication section needs a second publication (seeded unless --no-publications)");
  const growth = await publicationsCacheGrowth(ctx, pubs);
  const { windows, idle } = await throughput(ctx, pubs);
  queriesPerRequest(ctx, [{ label: `${num(growth.requests)} distinct readers of both`, requests: growth.requests, window: growth.window }, ...windows], idle, {
    label: "Two publications",
    key: "publicationsQueries",
  });
}
