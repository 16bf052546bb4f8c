import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";
import { getLiveArticleBySlug } from "@/db/queries/articles";
import { listOpenBans } from "@/db/queries/comments";
import { getLivePrivateFeedForMember } from "@/db/queries/feeds";
import { listGrants } from "@/db/queries/members";
import { getPrimaryPublication } from "@/db/queries/publications";
import { getImportItem, listRedirects } from "@/db/queries/studio-import";
import { getActiveTokenByHash } from "@/db/queries/studio-tokens";
import { listTiers } from "@/db/queries/taxonomy";
import { resolvePublicationAccess } from "@/lib/access";
import { loadNetworkTiers, toGrantLike } from "@/lib/auth/member-access";
import { databaseKinds, openBlankDatabase, type BlankDatabase } from "./helpers/databases";

// Migrations 0009–0011 turn today's single site into the primary publication of a network. An
// install upgraded in place must keep every row — same ids, same values — and find all of it in
// the primary publication `main`; slugs then need only be unique within a publication.

// The last migration of the single-site schema (0008_import_written).
const SINGLE_SITE_LAST_IDX = 8;

/** A copy of the committed migrations whose journal stops at `lastIdx`: the schema of an older release. */
function migrationsUpTo(lastIdx: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-migrations-"));
  fs.cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= lastIdx);
  fs.writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  return dir;
}

// drizzle's migrator for the driver, on a given folder (db/migrate.ts always uses the real one).
async function migrateFolder(db: Db, kind: "pglite" | "postgres", folder: string): Promise<void> {
  if (kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(db as never, { migrationsFolder: folder });
  }
}

// Every table that holds site data, with the key its rows are compared by.
const TABLES = {
  tiers: "id",
  authors: "id",
  sections: "id",
  tags: "id",
  articles: "id",
  article_authors: "article_id, author_id",
  article_tags: "article_id, tag_id",
  members: "id",
  grants: "id",
  comments: "id",
  comment_reports: "comment_id, member_id",
  comment_bans: "id",
  private_feeds: "id",
  redirects: "id",
  import_items: "id",
  api_tokens: "id",
  audit_log: "id",
  stripe_subscriptions: "id",
  stripe_events: "id",
  stripe_invoices: "id",
  stripe_payments: "id",
} as const;
type Table = keyof typeof TABLES;
type Row = Record<string, unknown>;

// Tables whose rows are all the site's after the upgrade (publication_id NOT NULL from 0011 on).
const PER_SITE: Table[] = ["tiers", "authors", "sections", "tags", "articles", "grants", "comment_bans", "private_feeds", "redirects", "import_items"];

const T = (iso: string) => new Date(iso);
const FEED_HASH = "a".repeat(64);
const TOKEN_HASH = "b".repeat(64);

/** Today's single site, written with plain SQL against the 0008 schema (no publication anywhere). */
async function fillSingleSite(query: BlankDatabase["query"]) {
  const one = async (text: string, params: unknown[] = []) => {
    const [row] = await query<{ id: number }>(`${text} returning id`, params);
    return row.id;
  };
  await one(
    `insert into tiers (slug, name, name_en, rank, can_comment, benefits, benefits_en, currency) values ('free', '무료 회원', 'Free', 0, false, '["회원 전용 기사"]', '["Members-only pieces"]', 'krw')`,
  );
  await one(
    `insert into tiers (slug, name, name_en, rank, monthly_amount, yearly_amount, currency, stripe_monthly_price_id) values ('supporter', '서포터', 'Supporter', 1, 5900, 59000, 'krw', 'price_supporter_m')`,
  );
  await one(
    `insert into tiers (slug, name, name_en, rank, can_comment, monthly_amount, yearly_amount, currency) values ('premium', '프리미엄', 'Premium', 2, true, 12900, 129000, 'krw')`,
  );
  const author = await one(
    `insert into authors (slug, name, email, position, bio, joined_at) values ('minsu', '정민수', 'minsu@masthead.local', '기자', '에너지 담당', $1)`,
    [T("2025-01-01T00:00:00Z")],
  );
  const section = await one(`insert into sections (slug, name, name_en, description, position) values ('energy', '에너지', 'Energy', '전력과 연료', 1)`);
  const tag = await one(`insert into tags (slug, name) values ('grid', '전력망')`);
  const open = await one(
    `insert into articles (slug, title, dek, body, locale, section_id, status, publish_at, access, teaser_text, full_text, created_at, updated_at)
     values ('grid-delay', '송전망이 늦어지는 이유', '["송전망 지연의 구조"]', '첫 문단.', 'ko', $1, 'published', $2, 'public', '첫 문단.', '첫 문단.', $2, $2)`,
    [section, T("2026-10-01T00:00:00Z")],
  );
  const gated = await one(
    `insert into articles (slug, title, body, locale, section_id, status, publish_at, access, preview_paragraphs, teaser_text, full_text, created_at, updated_at)
     values ('pension-math', '연금 개혁의 산수', '공개 문단.\n\n<!-- paywall -->\n\n유료 문단.', 'ko', $1, 'published', $2, 'premium', 1, '공개 문단.', '공개 문단. 유료 문단.', $2, $2)`,
    [section, T("2026-10-02T00:00:00Z")],
  );
  await query(`insert into article_authors (article_id, author_id, position) values ($1, $3, 0), ($2, $3, 0)`, [open, gated, author]);
  await query(`insert into article_tags (article_id, tag_id) values ($1, $3), ($2, $3)`, [open, gated, tag]);

  const editor = await one(`insert into members (email, name, role) values ('editor@masthead.local', '편집자', 'editor')`);
  const reader = await one(`insert into members (email, name, access_epoch, stripe_customer_id) values ('reader@example.com', '독자', 3, 'cus_single')`);
  await one(
    `insert into grants (member_id, tier_slug, starts_at, ends_at, source, source_ref, note) values ($1, 'premium', $2, $3, 'stripe', 'sub_single', 'Stripe subscription')`,
    [reader, T("2026-10-01T00:00:00Z"), T("2027-10-01T00:00:00Z")],
  );
  const comment = await one(`insert into comments (article_id, member_id, body, tier_slug, created_at) values ($1, $2, '좋은 기사', 'premium', $3)`, [
    gated,
    reader,
    T("2026-10-03T00:00:00Z"),
  ]);
  await query(`insert into comment_reports (comment_id, member_id, reason) values ($1, $2, 'spam')`, [comment, editor]);
  await one(`insert into comment_bans (member_id, until, reason, created_by, created_at) values ($1, null, '도배', $2, $3)`, [
    reader,
    editor,
    T("2026-10-04T00:00:00Z"),
  ]);
  await one(`insert into private_feeds (member_id, token_hash, created_at) values ($1, $2, $3)`, [reader, FEED_HASH, T("2026-10-05T00:00:00Z")]);
  await one(`insert into redirects (from_path, to_path, source) values ('/2024/03/grid-delay', '/articles/grid-delay', 'wxr:https://old.example.com')`);
  await one(
    `insert into import_items (source, kind, external_id, local_id, checksum, written) values ('wxr:https://old.example.com', 'post', '101', $1, 'sum101', '{"access": "x1"}')`,
    [open],
  );
  await one(`insert into api_tokens (name, token_hash, prefix, created_by) values ('ci', $1, 'mh_abcdef', $2)`, [TOKEN_HASH, editor]);
  await one(
    `insert into audit_log (actor_member_id, actor_label, action, subject_type, subject_id, member_id, summary, details) values ($1, 'editor@masthead.local', 'grant.create', 'grant', '1', $2, 'premium', '{"tier": "premium"}')`,
    [editor, reader],
  );
  // A subscription of a known tier, and one whose price sold no tier (left without a tier).
  await query(
    `insert into stripe_subscriptions (id, member_id, member_link_rank, customer_id, status, tier_slug, price_id, interval, current_period_start, current_period_end, snapshot_at, freshness, snapshot)
     values ('sub_single', $1, 3, 'cus_single', 'active', 'premium', 'price_premium_m', 'month', $2, $3, $2, 'f1', '{"id": "sub_single"}'),
            ('sub_unknown', null, 0, 'cus_other', 'active', null, 'price_gold', 'month', $2, $3, $2, 'f1', '{"id": "sub_unknown"}')`,
    [reader, T("2026-10-01T00:00:00Z"), T("2027-10-01T00:00:00Z")],
  );
  await query(
    `insert into stripe_events (id, type, created, livemode, status, object_id, member_id) values ('evt_single', 'customer.subscription.created', $1, false, 'applied', 'sub_single', $2)`,
    [T("2026-10-01T00:00:00Z"), reader],
  );
  await query(
    `insert into stripe_invoices (id, subscription_id, customer_id, status, amount_paid, currency) values ('in_single', 'sub_single', 'cus_single', 'paid', 129000, 'krw')`,
  );
  await query(
    `insert into stripe_payments (id, charge_id, invoice_id, customer_id, amount) values ('pi_single', 'ch_single', 'in_single', 'cus_single', 129000)`,
  );
  return { reader, editor };
}

async function snapshot(query: BlankDatabase["query"]): Promise<Record<Table, Row[]>> {
  const out = {} as Record<Table, Row[]>;
  for (const [table, key] of Object.entries(TABLES) as [Table, string][]) out[table] = await query(`select * from ${table} order by ${key}`);
  return out;
}

/** The same columns as before the upgrade (new ones such as publication_id left out), same order. */
const withColumnsOf = (before: Row[], after: Row[]) => after.map((row, i) => Object.fromEntries(Object.keys(before[i] ?? row).map((c) => [c, row[c]])));

describe.each(databaseKinds())("upgrading a single-site install to publications on %s", (kind) => {
  let t: BlankDatabase;
  let folder: string;
  let before: Record<Table, Row[]>;
  let people: { reader: number; editor: number };
  let main = 0;
  let tablesBefore: string[] = [];

  beforeAll(async () => {
    t = await openBlankDatabase(kind);
    folder = migrationsUpTo(SINGLE_SITE_LAST_IDX);
    await migrateFolder(t.db, kind, folder);
    people = await fillSingleSite(t.query);
    before = await snapshot(t.query);
    tablesBefore = (await t.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public'`)).map(
      (r) => r.name,
    );
    // The upgrade itself: every committed migration, from the real folder.
    await migrateFolder(t.db, kind, migrationsFolder);
    main = (await getPrimaryPublication(t.db))!.id;
  });
  afterAll(async () => {
    await t?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("starts from the single-site schema: no publications table, no publication columns", async () => {
    expect(tablesBefore).toContain("articles");
    expect(tablesBefore).not.toContain("publications");
    // The snapshot was taken before the upgrade: none of its rows has a publication.
    for (const rows of Object.values(before)) for (const row of rows) expect(row).not.toHaveProperty("publication_id");
    expect(before.articles).toHaveLength(2);
  });

  it("creates exactly one publication, the primary `main`", async () => {
    const pubs = await t.query<{ id: number; slug: string; is_primary: boolean; name: string; locale: string }>(
      `select id, slug, is_primary, name, locale from publications`,
    );
    expect(pubs).toEqual([{ id: main, slug: "main", is_primary: true, name: "마스트헤드", locale: "ko" }]);
  });

  it("keeps every row, with the same ids and values", async () => {
    const after = await snapshot(t.query);
    for (const table of Object.keys(TABLES) as Table[]) {
      expect(after[table].length, table).toBe(before[table].length);
      expect(withColumnsOf(before[table], after[table]), table).toEqual(before[table]);
    }
  });

  it("puts every per-site row in the primary publication", async () => {
    for (const table of PER_SITE) {
      const rows = await t.query<{ publication_id: number | null }>(`select publication_id from ${table}`);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.publication_id)), table).toEqual(new Set([main]));
    }
    // Tokens and audit entries of the single site worked on it: they become the primary's too.
    expect(await t.query(`select id, publication_id from api_tokens`)).toEqual([{ id: before.api_tokens[0].id, publication_id: main }]);
    expect(await t.query(`select id, publication_id from audit_log`)).toEqual([{ id: before.audit_log[0].id, publication_id: main }]);
    // A subscription of a known tier is the primary's; one whose price sold no tier stays without
    // a publication, as a new one would (lib/billing/tiers.ts: no guess).
    expect(await t.query(`select id, publication_id, tier_slug from stripe_subscriptions order by id`)).toEqual([
      { id: "sub_single", publication_id: main, tier_slug: "premium" },
      { id: "sub_unknown", publication_id: null, tier_slug: null },
    ]);
    // Ledgered events are kept as they were recorded (0010): no publication is made up for them.
    expect(await t.query(`select id, status, publication_id from stripe_events`)).toEqual([{ id: "evt_single", status: "applied", publication_id: null }]);
  });

  it("the upgraded site reads as before through the per-publication queries", async () => {
    const now = T("2026-11-01T00:00:00Z");
    expect((await listTiers(t.db, main)).map((x) => [x.slug, x.rank])).toEqual([
      ["free", 0],
      ["supporter", 1],
      ["premium", 2],
    ]);
    const piece = await getLiveArticleBySlug(t.db, main, "pension-math", now);
    expect(piece).toMatchObject({ id: before.articles[1].id, access: "premium", section: { slug: "energy" } });
    expect(piece?.authors.map((a) => a.slug)).toEqual(["minsu"]);
    expect(piece?.tags.map((x) => x.slug)).toEqual(["grid"]);
    // The subscriber still has premium in the primary publication…
    const { network } = await loadNetworkTiers(t.db);
    const grants = (await listGrants(t.db, people.reader)).map(toGrantLike);
    expect(resolvePublicationAccess({ grants, tiers: network, publicationId: main, now, signedIn: true }).tier.slug).toBe("premium");
    // …their ban, feed URL, the old site's redirects, import mapping and API token still apply there.
    expect((await listOpenBans(t.db, main, [people.reader])).map((b) => b.reason)).toEqual(["도배"]);
    expect((await getLivePrivateFeedForMember(t.db, main, people.reader))?.tokenHash).toBe(FEED_HASH);
    expect(await listRedirects(t.db)).toEqual([{ publicationId: main, fromPath: "/2024/03/grid-delay", toPath: "/articles/grid-delay" }]);
    expect((await getImportItem(t.db, main, "wxr:https://old.example.com", "post", "101"))?.localId).toBe(before.articles[0].id);
    expect((await getActiveTokenByHash(t.db, TOKEN_HASH))?.publicationId).toBe(main);
  });

  it("makes slugs unique per publication: a second publication may reuse them, the primary may not", async () => {
    const [second] = await t.query<{ id: number }>(`insert into publications (slug, name) values ('second', '둘째 매체') returning id`);
    // A second publication takes the same article, tier, section, tag and author slugs, and the same old path.
    await t.query(`insert into articles (publication_id, slug, title) values ($1, 'grid-delay', '다른 매체의 같은 주소')`, [second.id]);
    await t.query(`insert into tiers (publication_id, slug, name, name_en, rank) values ($1, 'premium', '프리미엄', 'Premium', 2)`, [second.id]);
    await t.query(`insert into sections (publication_id, slug, name, name_en) values ($1, 'energy', '에너지', 'Energy')`, [second.id]);
    await t.query(`insert into tags (publication_id, slug, name) values ($1, 'grid', '전력망')`, [second.id]);
    await t.query(`insert into authors (publication_id, slug, name, email) values ($1, 'minsu', '정민수', 'minsu@masthead.local')`, [second.id]);
    await t.query(`insert into redirects (publication_id, from_path, to_path) values ($1, '/2024/03/grid-delay', '/articles/grid-delay')`, [second.id]);
    // A member may hold one live feed URL in each publication.
    await t.query(`insert into private_feeds (publication_id, member_id, token_hash) values ($1, $2, $3)`, [second.id, people.reader, "c".repeat(64)]);
    expect(await t.query(`select publication_id from articles where slug = 'grid-delay' order by publication_id`)).toEqual([
      { publication_id: main },
      { publication_id: second.id },
    ]);

    // Within the primary, every one of them is still taken.
    const duplicates: [string, unknown[]][] = [
      [`insert into articles (publication_id, slug, title) values ($1, 'grid-delay', 'dup')`, [main]],
      [`insert into tiers (publication_id, slug, name, name_en, rank) values ($1, 'premium', 'dup', 'dup', 9)`, [main]],
      [`insert into tiers (publication_id, slug, name, name_en, rank) values ($1, 'gold', 'dup', 'dup', 2)`, [main]],
      [`insert into sections (publication_id, slug, name, name_en) values ($1, 'energy', 'dup', 'dup')`, [main]],
      [`insert into tags (publication_id, slug, name) values ($1, 'grid', 'dup')`, [main]],
      [`insert into authors (publication_id, slug, name) values ($1, 'minsu', 'dup')`, [main]],
      [`insert into authors (publication_id, slug, name, email) values ($1, 'other', 'dup', 'minsu@masthead.local')`, [main]],
      [`insert into redirects (publication_id, from_path, to_path) values ($1, '/2024/03/grid-delay', '/x')`, [main]],
      [`insert into private_feeds (publication_id, member_id, token_hash) values ($1, $2, $3)`, [main, people.reader, "d".repeat(64)]],
      [`insert into import_items (publication_id, source, kind, external_id, local_id) values ($1, 'wxr:https://old.example.com', 'post', '101', 1)`, [main]],
    ];
    for (const [text, params] of duplicates) await expect(t.query(text, params), text).rejects.toMatchObject({ code: "23505" });
    // …and rows can no longer be written without a publication.
    await expect(t.query(`insert into articles (slug, title) values ('orphan', 'no publication')`)).rejects.toMatchObject({ code: "23502" });
  });
});
