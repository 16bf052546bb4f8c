// Seeds the benchmark database: the demo publication, generated pieces up to `pieces` (a share of
// them gated), and `members` reader accounts with a mix of active, expired, revoked, future and
// lifetime grants — written with multi-row INSERTs so 10,000 accounts take seconds.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { countArticles, upsertArticle } from "@/db/queries/content-writes";
import { articles, authors, grants, members, sections, tags, type Grant } from "@/db/schema";
import { demoArticles } from "@/db/seed/demo-content";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import type { SeedArticle } from "@/db/seed/types";
import { deriveSearchText } from "@/lib/articles/derive";
import type { NetworkTier } from "@/lib/access";
import { loadNetworkTiers } from "@/lib/auth/member-access";

const DAY = 86_400_000;
const CHUNK = 1_000;

// The piece every phase reads: a premium piece whose gated part ends with this marker, so a
// response proves which side of the paywall it was rendered for.
export const GATED_SLUG = "bench-gated-premium";
export const GATED_MARKER = "MASTHEAD-BENCH-GATED-MARKER";

export type RosterMember = { id: number; email: string; role: "reader"; accessEpoch: number; grants: Grant[] };
// `tiers`: every publication's, with bundles (the claims builder takes them); `publicationId`: the
// primary publication, where the benchmark's pieces and grants live.
export type SeedResult = { pieces: number; gatedPieces: number; members: RosterMember[]; tiers: NetworkTier[]; publicationId: number; gatedSlug: string };

async function lookupIds(db: Db, publicationId: number) {
  const authorRows = await db.select({ id: authors.id, slug: authors.slug }).from(authors).where(eq(authors.publicationId, publicationId));
  const sectionRows = await db.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.publicationId, publicationId));
  const tagRows = await db.select({ id: tags.id, slug: tags.slug }).from(tags).where(eq(tags.publicationId, publicationId));
  const map = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));
  return { publicationId, authors: map(authorRows), sections: map(sectionRows), tags: map(tagRows) };
}

async function writePiece(db: Db, ids: Awaited<ReturnType<typeof lookupIds>>, base: SeedArticle, over: { slug: string; title: string; access: SeedArticle["access"]; body: string; daysAgo: number }, now: Date) {
  const previewParagraphs = base.previewParagraphs ?? 3;
  const publishAt = new Date(now.getTime() - over.daysAgo * DAY);
  await upsertArticle(db, {
    publicationId: ids.publicationId,
    slug: over.slug,
    title: over.title,
    dek: base.dek,
    body: over.body,
    locale: base.locale,
    heroImage: base.heroImage,
    heroAlt: base.heroAlt,
    heroCaption: base.heroCaption,
    heroCredit: base.heroCredit,
    sectionId: ids.sections.get(base.section) ?? null,
    status: "published",
    publishAt,
    access: over.access,
    unlockAt: null,
    previewParagraphs,
    createdAt: publishAt,
    updatedAt: publishAt,
    ...deriveSearchText(over.body, previewParagraphs),
    authorIds: base.authors.map((s) => ids.authors.get(s)).filter((id): id is number => id !== undefined),
    tagIds: base.tags.map((t) => ids.tags.get(t.slug)).filter((id): id is number => id !== undefined),
  });
}

async function seedPieces(db: Db, publicationId: number, total: number, now: Date): Promise<{ pieces: number; gated: number }> {
  const ids = await lookupIds(db, publicationId);
  const premium = demoArticles.filter((a) => a.access === "premium").sort((a, b) => b.body.length - a.body.length)[0];
  await writePiece(db, ids, premium, {
    slug: GATED_SLUG,
    title: `${premium.title} (benchmark)`,
    access: "premium",
    body: `${premium.body}\n\n${GATED_MARKER}: this paragraph is only for premium readers.`,
    daysAgo: 0.5,
  }, now);
  // Generated pieces cycle through the demo bodies; every third one is gated (free, supporter,
  // premium in turn), the rest public — the same shape as a real archive.
  const access: SeedArticle["access"][] = ["public", "public", "free", "public", "public", "supporter", "public", "public", "premium"];
  let n = await countArticles(db, publicationId);
  for (let i = 0; n < total; i++, n++) {
    const base = demoArticles[i % demoArticles.length];
    await writePiece(db, ids, base, {
      slug: `bench-${String(i + 1).padStart(3, "0")}-${base.slug}`.slice(0, 200),
      title: `${base.title} #${i + 1}`,
      access: access[i % access.length],
      body: base.body,
      daysAgo: 1 + i * 0.7,
    }, now);
  }
  const [row] = await db
    .select({ gated: sql<number>`count(*) filter (where ${articles.access} <> 'public')::int`, all: sql<number>`count(*)::int` })
    .from(articles)
    .where(eq(articles.publicationId, publicationId));
  return { pieces: row.all, gated: row.gated };
}

type GrantPlan = { tier: string; startsAt: Date; endsAt: Date | null; revokedAt?: Date; source: "stripe" | "comp" | "trial" | "gift" | "import" };

// The grant mix by account: 40% no grant (free), 15% supporter, 15% premium, 10% expired
// premium, 5% expired supporter plus a revoked premium, 5% premium ending in 2 days over a longer
// supporter grant, 5% a supporter grant starting in 3 days, 5% lifetime premium.
function grantsFor(i: number, now: Date): GrantPlan[] {
  const t = now.getTime();
  const ago = (d: number) => new Date(t - d * DAY);
  const ahead = (d: number) => new Date(t + d * DAY);
  const jitter = (i * 7919) % 300;
  switch (i % 20) {
    case 8: case 9: case 10:
      return [{ tier: "supporter", startsAt: ago(jitter + 1), endsAt: ahead(30 + (jitter % 30)), source: "stripe" }];
    case 11: case 12: case 13:
      return [{ tier: "premium", startsAt: ago(jitter + 1), endsAt: ahead(30 + (jitter % 30)), source: "stripe" }];
    case 14: case 15:
      return [{ tier: "premium", startsAt: ago(40 + jitter), endsAt: ago(1 + (jitter % 90)), source: "stripe" }];
    case 16:
      return [
        { tier: "supporter", startsAt: ago(200), endsAt: ago(100), source: "stripe" },
        { tier: "premium", startsAt: ago(50), endsAt: ahead(300), revokedAt: ago(5), source: "stripe" },
      ];
    case 17:
      return [
        { tier: "premium", startsAt: ago(28), endsAt: ahead(2), source: "trial" },
        { tier: "supporter", startsAt: ago(28), endsAt: ahead(30), source: "stripe" },
      ];
    case 18:
      return [{ tier: "supporter", startsAt: ahead(3), endsAt: ahead(33), source: "gift" }];
    case 19:
      return [{ tier: "premium", startsAt: ago(jitter + 1), endsAt: null, source: "comp" }];
    default:
      return [];
  }
}

async function seedMembers(db: Db, publicationId: number, count: number, now: Date): Promise<RosterMember[]> {
  const roster: RosterMember[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const plans = Array.from({ length: Math.min(CHUNK, count - start) }, (_, k) => {
      const i = start + k;
      const g = grantsFor(i, now);
      // Accounts whose access ever changed carry a bumped epoch, as the product leaves them.
      return { i, grants: g, epoch: g.length, changedAt: g.length ? new Date(now.getTime() - ((i * 31) % 60) * DAY) : null };
    });
    const rows = await db
      .insert(members)
      .values(plans.map((p) => ({ email: `reader-${String(p.i).padStart(6, "0")}@bench.masthead.test`, role: "reader" as const, emailVerifiedAt: new Date(now.getTime() - 90 * DAY), accessEpoch: p.epoch, epochChangedAt: p.changedAt })))
      .returning({ id: members.id, email: members.email, accessEpoch: members.accessEpoch });
    const grantRows = plans.flatMap((p, k) =>
      p.grants.map((g) => ({ memberId: rows[k].id, publicationId, tierSlug: g.tier, startsAt: g.startsAt, endsAt: g.endsAt, revokedAt: g.revokedAt ?? null, revokedReason: g.revokedAt ? "refund" : null, source: g.source })),
    );
    const inserted = grantRows.length ? await db.insert(grants).values(grantRows).returning() : [];
    const byMember = new Map<number, Grant[]>();
    for (const g of inserted) {
      const list = byMember.get(g.memberId);
      if (list) list.push(g);
      else byMember.set(g.memberId, [g]);
    }
    for (const r of rows) roster.push({ id: r.id, email: r.email, role: "reader", accessEpoch: r.accessEpoch, grants: byMember.get(r.id) ?? [] });
  }
  return roster;
}

export async function seedBenchDatabase(db: Db, kind: "pglite" | "postgres", opts: { pieces: number; members: number; now: Date }): Promise<SeedResult> {
  await migrateDatabase(db, kind);
  await seedDemo(db, opts.now);
  const publicationId = await requirePrimaryPublication(db);
  const pieces = await seedPieces(db, publicationId, opts.pieces, opts.now);
  const roster = await seedMembers(db, publicationId, opts.members, opts.now);
  const tiers = (await loadNetworkTiers(db)).network;
  return { pieces: pieces.pieces, gatedPieces: pieces.gated, members: roster, tiers, publicationId, gatedSlug: GATED_SLUG };
}
