// Issue 16, first part: Next's cache on disk while 10, then N distinct signed-in readers of each
// publication read its gated piece, both hosts interleaved — bytes stay constant in the number of
// readers (one render per publication, tier and piece).
import { bytesByPair, explainGrowth, settledSnapshot, totalBytes, type CacheSnapshot } from "../cache";
import type { BenchContext, BenchPublication } from "../context";
import type { ReaderCookie } from "../cookies";
import { visitEach, type Visit } from "../load";
import { countQueries, type QueryWindow } from "../queries";
import { kb, num } from "../report";
import { failureText, mixedReaders, publicationSlugs, tierMix, visitsFor } from "./readers";

// Interleaves lists (a1 b1 a2 b2 …), so both publications are read throughout the pass.
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(...lists.map((l) => l.length)); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

const bytesOf = (pairs: [string, number][], pub: BenchPublication) => pairs.filter(([p]) => p.startsWith(`${pub.slug}/`)).reduce((s, [, n]) => s + n, 0);

export async function publicationsCacheGrowth(ctx: BenchContext, pubs: BenchPublication[]): Promise<{ window: QueryWindow; requests: number }> {
  const { report, server, opts } = ctx;
  const distDir = opts.distDir;
  const slugs = publicationSlugs(ctx);
  report.section(`Two publications: Next's cache on disk, 10 → ${num(opts.readers)} distinct signed-in readers of each publication's gated piece`);
  const before = await settledSnapshot(distDir, 500, 5_000);
  // Ten readers of each publication covering its signed-in tiers, then the rest of each, both
  // publications interleaved in one pass.
  const first = pubs.map((pub) => mixedReaders(pub.byTier, 10));
  const rest = pubs.map((pub, i) => {
    const seen = new Set(first[i].map((r) => r.memberId));
    return pub.cookies.filter((r) => !seen.has(r.memberId)).slice(0, opts.readers - first[i].length);
  });
  const visits = (lists: ReaderCookie[][]): Visit[] => interleave(lists.map((list, i) => visitsFor(pubs[i], list)));
  const a = await countQueries(server, ctx.traceFile, () => visitEach(server.baseUrl, "/", visits(first), 1));
  const snap10 = await settledSnapshot(distDir);
  const b = await countQueries(server, ctx.traceFile, () => visitEach(server.baseUrl, "/", visits(rest), opts.readerConcurrency, 900));
  const snapN = await settledSnapshot(distDir);

  const triples = (lists: ReaderCookie[][]) => new Set(lists.flatMap((list, i) => list.map((r) => `${pubs[i].slug}/${r.tier}/${pubs[i].gatedSlug}`)));
  const seenFirst = triples(first);
  const newPairs = new Set([...triples(rest)].filter((p) => !seenFirst.has(p)));
  const growth = explainGrowth(distDir, snap10, snapN, newPairs, slugs);
  // Readers visited in the second pass, per publication (the pass is bounded in time).
  const owners = interleave(rest.map((list, i) => list.map(() => i))).slice(0, b.result.requests);
  const readersN = pubs.map((_, i) => first[i].length + owners.filter((o) => o === i).length);
  const row = (stage: string, snap: CacheSnapshot, readers: string[], statements: number | string) => {
    const pairs = bytesByPair(distDir, snap, slugs);
    return {
      stage,
      ...Object.fromEntries(pubs.map((pub, i) => [`${pub.slug} readers`, readers[i]])),
      files: snap.size,
      "bytes, all": num(totalBytes(snap)),
      ...Object.fromEntries(pubs.map((pub) => [`${pub.slug} renders`, num(bytesOf(pairs, pub))])),
      "statements (incl. background)": statements,
    };
  };
  report.table([
    row(
      "before (after the readers section)",
      before,
      pubs.map(() => "—"),
      "—",
    ),
    row(
      "10 readers of each",
      snap10,
      first.map((l) => `${num(l.length)}: ${tierMix(l)}`),
      a.window.statements,
    ),
    row(
      `${num(opts.readers)} readers of each`,
      snapN,
      readersN.map((n, i) => `${num(n)}: ${tierMix(rest[i].slice(0, n - first[i].length).concat(first[i]))}`),
      b.window.statements,
    ),
  ]);
  const listed = bytesByPair(distDir, snapN, slugs).filter(([p]) => pubs.some((pub) => p.startsWith(`${pub.slug}/`) && p.endsWith(`/${pub.gatedSlug}`)));
  report.line(`renders of the gated pieces by (publication, tier, piece): ${listed.map(([p, n]) => `${p} ${kb(n)}`).join(" · ")}`);
  report.line(
    `${num(b.result.requests)} readers in ${b.result.seconds.toFixed(1)} s (${num(b.result.requests / b.result.seconds)} req/s at concurrency ${opts.readerConcurrency}, both hosts interleaved)`,
  );
  if (growth.unexplained.length)
    report.line(
      `cache changes not explained by a new (publication, tier, piece) render: ${growth.unexplained.slice(0, 8).join(", ")}${growth.unexplained.length > 8 ? ", …" : ""}`,
    );

  const ok = a.result.ok + b.result.ok;
  const total = first.flat().length + rest.flat().length;
  report.check(
    `two publications: every reader served their own publication's render for their tier`,
    ok === total,
    `${num(ok)}/${num(total)} responses right${ok === total ? "" : `: ${failureText(a.result)} ${failureText(b.result)}`}`,
  );
  const perPub = pubs
    .map((pub) => `${pub.slug} ${num(bytesOf(bytesByPair(distDir, snap10, slugs), pub))} → ${num(bytesOf(bytesByPair(distDir, snapN, slugs), pub))} B`)
    .join(", ");
  report.check(
    `two publications: cache bytes unchanged 10 → ${num(opts.readers)} readers of each`,
    growth.unexplained.length === 0 && growth.grown === growth.allowedBytes,
    `${num(totalBytes(snap10))} B → ${num(totalBytes(snapN))} B (${growth.grown >= 0 ? "+" : ""}${num(growth.grown)} B; renders ${perPub}; new (publication, tier, piece) renders: ${newPairs.size ? [...newPairs].join(", ") : "none"}${growth.allowedBytes ? `, ${num(growth.allowedBytes)} B for them` : ""})`,
  );
  report.record("publicationsCache", {
    before: totalBytes(before),
    after10: totalBytes(snap10),
    afterAll: totalBytes(snapN),
    readers: Object.fromEntries(pubs.map((pub, i) => [pub.slug, readersN[i]])),
    renders10: Object.fromEntries(pubs.map((pub) => [pub.slug, bytesOf(bytesByPair(distDir, snap10, slugs), pub)])),
    rendersAll: Object.fromEntries(pubs.map((pub) => [pub.slug, bytesOf(bytesByPair(distDir, snapN, slugs), pub)])),
    newPairs: [...newPairs],
    unexplained: growth.unexplained,
  });
  return { window: b.window, requests: b.result.requests };
}
