import type { Db } from "../client";
import { countArticles, upsertArticle, upsertAuthor, upsertSection, upsertTag, upsertTier } from "../queries/content-writes";
import { listTiers } from "../queries/taxonomy";
import { deriveSearchText } from "@/lib/articles/derive";
import { demoArticles, demoAuthors, demoSections } from "./demo-content";
import { seedDemoMembers } from "./members";
import { demoTiers } from "./tiers";

const DAY = 86_400_000;

export async function seedTiers(db: Db): Promise<void> {
  const existing = new Set((await listTiers(db)).map((t) => t.slug));
  for (const tier of demoTiers) if (!existing.has(tier.slug)) await upsertTier(db, tier);
}

// Seeds the demo publication into an empty database; a database that has any piece is left alone.
export async function seedDemo(db: Db, now = new Date()): Promise<{ seeded: boolean }> {
  await seedTiers(db);
  if ((await countArticles(db)) > 0) return { seeded: false };

  const authorIds = new Map<string, number>();
  for (const a of demoAuthors) {
    const row = await upsertAuthor(db, {
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
  for (const s of demoSections) sectionIds.set(s.slug, (await upsertSection(db, { ...s, seriesLabel: s.seriesLabel ?? null })).id);

  for (const a of demoArticles) {
    const tagIds: number[] = [];
    for (const t of a.tags) tagIds.push((await upsertTag(db, t.slug, t.name)).id);
    const previewParagraphs = a.previewParagraphs ?? 3;
    const publishAt = new Date(now.getTime() - a.publishedDaysAgo * DAY);
    await upsertArticle(db, {
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
  await seedDemoMembers(db, now);
  return { seeded: true };
}
