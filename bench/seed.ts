// Seeds the benchmark database: the demo (the primary publication and `data`), generated pieces
// up to `pieces` in the primary (a share of them gated) and up to `dataPieces` in `data`, `members`
// reader accounts with a mix of active, expired, revoked, future and lifetime grants in the
// primary's tiers, and `dataMembers` more with the same kinds of grants in data's premium — written
// with multi-row INSERTs so 10,000 accounts take seconds. Every account is one member of the
// install: the primary's premium members read data's pieces in full too, through the bundle.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { countArticles, upsertArticle } from "@/db/queries/content-writes";
import { articles, authors, grants, members, publicationMembers, sections, tags, type Grant } from "@/db/schema";
import { getPrimaryPublication, getPublicationBySlug, listAllTiers } from "@/db/queries/publications";
import { DATA_PUBLICATION, dataArticles } from "@/db/seed/data-content";
import { demoArticles } from "@/db/seed/demo-content";
import { seedDemo } from "@/db/seed/seed";
import type { SeedArticle } from "@/db/seed/types";
import { deriveSearchText } from "@/lib/articles/derive";
import type { NetworkTier } from "@/lib/access";

const DAY = 86_400_000;
const CHUNK = 1_000;

// The piece every phase reads: a premium piece whose gated part ends with this marker, so a
// response proves which side of the paywall it was rendered for.
export const GATED_SLUG = "bench-gated-premium";
export const GATED_MARKER = "MASTHEAD-BENCH-GATED-MARKER";
// Data's counterpart: the same body (so a render costs the same in both publications) with its own
// marker, data's byline, section and tags.
export const DATA_GATED_SLUG = "bench-data-gated-premium";
export const DATA_GATED_MARKER = "MASTHEAD-BENCH-DATA-GATED-MARKER";

export type RosterMember = { id: number; email: string; role: "reader"; accessEpoch: number; grants: Grant[] };
// The second publication as seeded: its hostnames, pieces and the accounts whose own grants are in
// its tiers (`members`; the primary's premium members reach it through the bundle as well).
export type DataSeed = {
  publicationId: number;
  slug: string;
  hosts: string[];
  pieces: number;
  gatedPieces: number;
  gatedSlug: string;
  gatedMarker: string;
  members: RosterMember[];
};
// `tiers`: every publication's, with bundles (the claims builder takes them); `publicationId`: the
// primary publication, where `members`' grants and the main benchmark's pieces live.
export type SeedResult = {
  pieces: number;
  gatedPieces: number;
  members: RosterMember[];
  tiers: NetworkTier[];
  publicationId: number;
  publicationSlug: string;
  gatedSlug: string;
  data: DataSeed;
};

async function lookupIds(db: Db, publicationId: number) {
  const authorRows = await db.select({ id: authors.id, slug: authors.slug }).from(authors).where(eq(authors.publicationId, publicationId));
  const sectionRows = await db.select({ id: sections.id, slug: sections.slug }).from(sections).where(eq(sections.publicationId, publicationId));
  const tagRows = await db.select({ id: tags.id, slug: tags.slug }).from(tags).where(eq(tags.publicationId, publicationId));
  const map = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));
  return { publicationId, authors: map(authorRows), sections: map(sectionRows), tags: map(tagRows) };
}

async function writePiece(
  db: Db,
  ids: Awaited<ReturnType<typeof lookupIds>>,
  base: SeedArticle,
  over: { slug: string; title: string; access: SeedArticle["access"]; body: string; daysAgo: number },
  now: Date,
) {
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

// The demo's longest premium piece: the body of both publications' benchmarked gated piece.
const longestPremium = () => demoArticles.filter((a) => a.access === "premium").sort((a, b) => b.body.length - a.body.length)[0];

type PieceSet = {
  gated: { slug: string; marker: string; base: SeedArticle };
  // Generated pieces cycle through `bases` and, in turn, through `access` (the archive's shape).
  bases: SeedArticle[];
  access: SeedArticle["access"][];
};

async function seedPieces(db: Db, publicationId: number, total: number, set: PieceSet, now: Date): Promise<{ pieces: number; gated: number }> {
  const ids = await lookupIds(db, publicationId);
  const premium = longestPremium();
  await writePiece(
    db,
    ids,
    set.gated.base,
    {
      slug: set.gated.slug,
      title: `${set.gated.base.title} (benchmark)`,
      access: "premium",
      body: `${premium.body}\n\n${set.gated.marker}: this paragraph is only for premium readers.`,
      daysAgo: 0.5,
    },
    now,
  );
  let n = await countArticles(db, publicationId);
  for (let i = 0; n < total; i++, n++) {
    const base = set.bases[i % set.bases.length];
    await writePiece(
      db,
      ids,
      base,
      {
        slug: `bench-${String(i + 1).padStart(3, "0")}-${base.slug}`.slice(0, 200),
        title: `${base.title} #${i + 1}`,
        access: set.access[i % set.access.length],
        body: base.body,
        daysAgo: 1 + i * 0.7,
      },
      now,
    );
  }
  const [row] = await db
    .select({ gated: sql<number>`count(*) filter (where ${articles.access} <> 'public')::int`, all: sql<number>`count(*)::int` })
    .from(articles)
    .where(eq(articles.publicationId, publicationId));
  return { pieces: row.all, gated: row.gated };
}

type GrantPlan = { tier: string; startsAt: Date; endsAt: Date | null; revokedAt?: Date; source: "stripe" | "comp" | "trial" | "gift" | "import" };

// Days before and after now, and a per-account spread of up to 300 days so grants do not all
// start and end on the same day.
function planClock(i: number, now: Date) {
  const t = now.getTime();
  return { ago: (d: number) => new Date(t - d * DAY), ahead: (d: number) => new Date(t + d * DAY), jitter: (i * 7919) % 300 };
}

// The grant mix by account in the primary's tiers: 40% no grant (free), 15% supporter, 15% premium, 10% expired
// premium, 5% expired supporter plus a revoked premium, 5% premium ending in 2 days over a longer
// supporter grant, 5% a supporter grant starting in 3 days, 5% lifetime premium.
function primaryGrantsFor(i: number, now: Date): GrantPlan[] {
  const { ago, ahead, jitter } = planClock(i, now);
  switch (i % 20) {
    case 8:
    case 9:
    case 10:
      return [{ tier: "supporter", startsAt: ago(jitter + 1), endsAt: ahead(30 + (jitter % 30)), source: "stripe" }];
    case 11:
    case 12:
    case 13:
      return [{ tier: "premium", startsAt: ago(jitter + 1), endsAt: ahead(30 + (jitter % 30)), source: "stripe" }];
    case 14:
    case 15:
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

// The mix in data's tiers (free, premium): 40% active premium, 10% lifetime premium, 10% expired,
// 10% revoked, 10% premium starting in 3 days, 20% no grant (free there).
function dataGrantsFor(i: number, now: Date): GrantPlan[] {
  const { ago, ahead, jitter } = planClock(i, now);
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return [{ tier: "premium", startsAt: ago(jitter + 1), endsAt: ahead(30 + (jitter % 30)), source: "stripe" }];
    case 4:
      return [{ tier: "premium", startsAt: ago(jitter + 1), endsAt: null, source: "comp" }];
    case 5:
      return [{ tier: "premium", startsAt: ago(40 + jitter), endsAt: ago(1 + (jitter % 30)), source: "stripe" }];
    case 6:
      return [{ tier: "premium", startsAt: ago(50), endsAt: ahead(300), revokedAt: ago(5), source: "stripe" }];
    case 7:
      return [{ tier: "premium", startsAt: ahead(3), endsAt: ahead(33), source: "gift" }];
    default:
      return [];
  }
}

type MemberSet = { emailPrefix: string; grantsFor: (i: number, now: Date) => GrantPlan[] };

async function seedMembers(db: Db, publicationId: number, count: number, set: MemberSet, now: Date): Promise<RosterMember[]> {
  const roster: RosterMember[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const plans = Array.from({ length: Math.min(CHUNK, count - start) }, (_, k) => {
      const i = start + k;
      const g = set.grantsFor(i, now);
      // Accounts whose access ever changed carry a bumped epoch, as the product leaves them.
      return { i, grants: g, epoch: g.length, changedAt: g.length ? new Date(now.getTime() - ((i * 31) % 60) * DAY) : null };
    });
    const rows = await db
      .insert(members)
      .values(
        plans.map((p) => ({
          email: `${set.emailPrefix}-${String(p.i).padStart(6, "0")}@bench.masthead.test`,
          role: "reader" as const,
          emailVerifiedAt: new Date(now.getTime() - 90 * DAY),
          accessEpoch: p.epoch,
          epochChangedAt: p.changedAt,
        })),
      )
      .returning({ id: members.id, email: members.email, accessEpoch: members.accessEpoch });
    const grantRows = plans.flatMap((p, k) =>
      p.grants.map((g) => ({
        memberId: rows[k].id,
        publicationId,
        tierSlug: g.tier,
        startsAt: g.startsAt,
        endsAt: g.endsAt,
        revokedAt: g.revokedAt ?? null,
        revokedReason: g.revokedAt ? "refund" : null,
        source: g.source,
      })),
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

// The install's tiers with their bundle links, as the claims builder takes them. The product's
// loadNetworkTiers (lib/auth/member-access.ts) does the same but is server-only, which a plain
// Node script cannot import.
async function networkTiers(db: Db): Promise<NetworkTier[]> {
  const { tiers, includes } = await listAllTiers(db);
  const byId = new Map(tiers.map((t) => [t.id, t]));
  return tiers.map((t) => ({
    slug: t.slug,
    name: t.name,
    rank: t.rank,
    canComment: t.canComment,
    publicationId: t.publicationId,
    includes: includes.flatMap((l) => {
      const included = l.tierId === t.id ? byId.get(l.includedTierId) : undefined;
      return included ? [{ publicationId: included.publicationId, slug: included.slug }] : [];
    }),
  }));
}

// Every third generated piece of the primary is gated (free, supporter, premium in turn), the rest
// public — the same shape as a real archive; data has no supporter tier.
const PRIMARY_ACCESS: SeedArticle["access"][] = ["public", "public", "free", "public", "public", "supporter", "public", "public", "premium"];
const DATA_ACCESS: SeedArticle["access"][] = ["public", "public", "free", "public", "public", "premium"];

// `dataPieces` and `dataMembers` default to a 30-piece archive and a quarter of `members`.
export async function seedBenchDatabase(
  db: Db,
  kind: "pglite" | "postgres",
  opts: { pieces: number; members: number; now: Date; dataPieces?: number; dataMembers?: number },
): Promise<SeedResult> {
  await migrateDatabase(db, kind);
  await seedDemo(db, opts.now);
  const [primary, data] = await Promise.all([getPrimaryPublication(db), getPublicationBySlug(db, DATA_PUBLICATION.slug)]);
  if (!primary) throw new Error("the database has no primary publication after the migrations");
  if (!data) throw new Error(`the demo seed made no "${DATA_PUBLICATION.slug}" publication`);
  const publicationId = primary.id;
  const premium = longestPremium();
  const pieces = await seedPieces(
    db,
    publicationId,
    opts.pieces,
    { gated: { slug: GATED_SLUG, marker: GATED_MARKER, base: premium }, bases: demoArticles, access: PRIMARY_ACCESS },
    opts.now,
  );
  const roster = await seedMembers(db, publicationId, opts.members, { emailPrefix: "reader", grantsFor: primaryGrantsFor }, opts.now);
  // Data's gated piece: the primary's body and preview cut under data's byline, section and tags.
  const dataBase = dataArticles.find((a) => a.access === "premium") ?? dataArticles[0];
  const dataGated: SeedArticle = { ...premium, section: dataBase.section, authors: dataBase.authors, tags: dataBase.tags };
  const dataPieces = await seedPieces(
    db,
    data.id,
    opts.dataPieces ?? 30,
    { gated: { slug: DATA_GATED_SLUG, marker: DATA_GATED_MARKER, base: dataGated }, bases: dataArticles, access: DATA_ACCESS },
    opts.now,
  );
  const dataRoster = await seedMembers(
    db,
    data.id,
    opts.dataMembers ?? Math.ceil(opts.members / 4),
    { emailPrefix: "data-reader", grantsFor: dataGrantsFor },
    opts.now,
  );
  const tiers = await networkTiers(db);
  return {
    pieces: pieces.pieces,
    gatedPieces: pieces.gated,
    members: roster,
    tiers,
    publicationId,
    publicationSlug: primary.slug,
    gatedSlug: GATED_SLUG,
    data: {
      publicationId: data.id,
      slug: data.slug,
      hosts: data.hosts,
      pieces: dataPieces.pieces,
      gatedPieces: dataPieces.gated,
      gatedSlug: DATA_GATED_SLUG,
      gatedMarker: DATA_GATED_MARKER,
      members: dataRoster,
    },
  };
}

// `--email`: the primary's bench members become its newsletter's audience (accounts there, already
// welcomed, newsletter on), their addresses spread over `domains` recipient domains as a real list
// is (the product paces each domain separately: EMAIL_DOMAIN_RATE). Returns the new addresses by id.
export async function seedNewsletterAudience(db: Db, publicationId: number, memberIds: number[], domains = 20): Promise<Map<number, string>> {
  const addresses = new Map<number, string>();
  // Only the bench members: the demo's accounts would be recipients the sink cannot tell apart.
  await db.update(publicationMembers).set({ newsletter: false }).where(eq(publicationMembers.publicationId, publicationId));
  for (let start = 0; start < memberIds.length; start += CHUNK) {
    const ids = memberIds.slice(start, start + CHUNK);
    await db.execute(sql`
      update members set email = split_part(email, '@', 1) || '@mail' || (id % ${domains}) || '.bench.masthead.test'
      where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`);
    await db
      .insert(publicationMembers)
      .values(ids.map((memberId) => ({ publicationId, memberId, source: "seed", newsletter: true, welcomedAt: new Date() })))
      .onConflictDoUpdate({ target: [publicationMembers.publicationId, publicationMembers.memberId], set: { newsletter: true, welcomedAt: new Date() } });
  }
  const rows = await db
    .select({ id: members.id, email: members.email })
    .from(members)
    .where(sql`${members.email} like '%.bench.masthead.test'`);
  for (const r of rows) addresses.set(r.id, r.email);
  return addresses;
}
