import type { Db } from "../client";
import { countArticles, upsertArticle, upsertAuthor, upsertSection, upsertTag, upsertTier } from "../queries/content-writes";
import { getPrimaryPublication, getPublicationBySlug, insertPublication, setTierIncludes } from "../queries/publications";
import { listTiers } from "../queries/taxonomy";
import { deriveSearchText } from "@/lib/articles/derive";
import { DATA_PUBLICATION, dataArticles, dataAuthors, dataSections } from "./data-content";
import { demoArticles, demoAuthors, demoSections } from "./demo-content";
import { seedDemoMembers } from "./members";
import { dataTiers, demoTiers } from "./tiers";
import type { SeedArticle, SeedAuthor, SeedSection } from "./types";

const DAY = 86_400_000;

// The primary publication: made by the migrations (0010) on every database.
export async function requirePrimaryPublication(db: Db): Promise<number> {
  const primary = await getPrimaryPublication(db);
  if (!primary) throw new Error("the database has no primary publication: run the migrations first");
  return primary.id;
}

export async function seedTiers(db: Db, publicationId?: number, tiers = demoTiers): Promise<void> {
  const pub = publicationId ?? (await requirePrimaryPublication(db));
  const existing = new Set((await listTiers(db, pub)).map((t) => t.slug));
  for (const tier of tiers) if (!existing.has(tier.slug)) await upsertTier(db, { ...tier, publicationId: pub });
}

type SeedContent = { authors: SeedAuthor[]; sections: SeedSection[]; articles: SeedArticle[] };

async function seedContent(db: Db, publicationId: number, content: SeedContent, now: Date): Promise<void> {
  const authorIds = new Map<string, number>();
  for (const a of content.authors) {
    const row = await upsertAuthor(db, {
      publicationId,
      slug: a.slug,
      name: a.name,
      email: a.email ?? null,
      position: a.position,
      bio: a.bio,
      avatarUrl: a.avatarUrl,
      joinedAt: new Date(now.getTime() - a.joinedDaysAgo * DAY),
    });
    authorIds.set(a.slug, row.id);
  }
  const sectionIds = new Map<string, number>();
  for (const s of content.sections) sectionIds.set(s.slug, (await upsertSection(db, { ...s, publicationId, seriesLabel: s.seriesLabel ?? null })).id);

  for (const a of content.articles) {
    const tagIds: number[] = [];
    for (const t of a.tags) tagIds.push((await upsertTag(db, publicationId, t.slug, t.name)).id);
    const previewParagraphs = a.previewParagraphs ?? 3;
    const publishAt = new Date(now.getTime() - a.publishedDaysAgo * DAY);
    await upsertArticle(db, {
      publicationId,
      slug: a.slug,
      title: a.title,
      dek: a.dek,
      body: a.body,
      locale: a.locale,
      heroImage: a.heroImage,
      heroAlt: a.heroAlt,
      heroCaption: a.heroCaption,
      heroCredit: a.heroCredit,
      sectionId: sectionIds.get(a.section) ?? null,
      status: "published",
      publishAt,
      access: a.access,
      unlockAt: a.unlockInDays === undefined ? null : new Date(now.getTime() + a.unlockInDays * DAY),
      previewParagraphs,
      createdAt: publishAt,
      updatedAt: new Date(now.getTime() - (a.updatedDaysAgo ?? a.publishedDaysAgo) * DAY),
      ...deriveSearchText(a.body, previewParagraphs),
      authorIds: a.authors.map((slug) => {
        const id = authorIds.get(slug);
        if (id === undefined) throw new Error(`demo piece ${a.slug} names unknown author ${slug}`);
        return id;
      }),
      tagIds,
    });
  }
}

// The second demo publication (design §10): `data` at data.localhost, tiers free and premium (may
// comment), its own pieces; the primary's premium includes data's premium (a bundle).
async function seedDataPublication(db: Db, primaryId: number, now: Date): Promise<number> {
  const existing = await getPublicationBySlug(db, DATA_PUBLICATION.slug);
  const pub =
    existing ??
    (await insertPublication(
      db,
      {
        slug: DATA_PUBLICATION.slug,
        name: DATA_PUBLICATION.name,
        nameEn: DATA_PUBLICATION.nameEn,
        tagline: DATA_PUBLICATION.tagline,
        taglineEn: DATA_PUBLICATION.taglineEn,
        locale: "ko",
        accentColor: DATA_PUBLICATION.accentColor,
      },
      [DATA_PUBLICATION.host],
    ));
  await seedTiers(db, pub.id, dataTiers);
  await seedContent(db, pub.id, { authors: dataAuthors, sections: dataSections, articles: dataArticles }, now);
  const [primaryTiers, ownTiers] = await Promise.all([listTiers(db, primaryId), listTiers(db, pub.id)]);
  const premium = primaryTiers.find((t) => t.slug === "premium");
  const included = ownTiers.find((t) => t.slug === "premium");
  if (premium && included) await setTierIncludes(db, premium.id, [included.id]);
  return pub.id;
}

// Seeds the demo into an empty database (the primary publication and `data`); a database that has
// any piece is left alone.
export async function seedDemo(db: Db, now = new Date()): Promise<{ seeded: boolean }> {
  const primaryId = await requirePrimaryPublication(db);
  await seedTiers(db, primaryId);
  if ((await countArticles(db)) > 0) return { seeded: false };
  await seedContent(db, primaryId, { authors: demoAuthors, sections: demoSections, articles: demoArticles }, now);
  const dataId = await seedDataPublication(db, primaryId, now);
  await seedDemoMembers(db, { primaryId, dataId }, now);
  return { seeded: true };
}
