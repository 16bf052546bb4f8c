import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, instant, ownedBy } from "./columns";
import { publications } from "./publications";

// Every per-site row belongs to a publication (design §10).
const publicationId = () => ownedBy("publication_id", () => publications.id);

export const tiers = pgTable(
  "tiers",
  {
    id: serial("id").primaryKey(),
    publicationId: publicationId(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    rank: integer("rank").notNull(),
    canComment: boolean("can_comment").notNull().default(false),
    benefits: jsonb("benefits")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    benefitsEn: jsonb("benefits_en")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // Amounts in the currency's smallest unit, as Stripe counts them (KRW has no minor unit).
    monthlyAmount: integer("monthly_amount"),
    yearlyAmount: integer("yearly_amount"),
    currency: text("currency").notNull().default("krw"),
    stripeMonthlyPriceId: text("stripe_monthly_price_id"),
    stripeYearlyPriceId: text("stripe_yearly_price_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tiers_publication_slug_idx").on(t.publicationId, t.slug), uniqueIndex("tiers_publication_rank_idx").on(t.publicationId, t.rank)],
);

export const authors = pgTable(
  "authors",
  {
    id: serial("id").primaryKey(),
    publicationId: publicationId(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    position: text("position").notNull().default(""),
    bio: text("bio").notNull().default(""),
    avatarUrl: text("avatar_url"),
    joinedAt: instant("joined_at").notNull().defaultNow(),
    // One author per publication: a person writing for several sites has a row in each.
  },
  (t) => [uniqueIndex("authors_publication_slug_idx").on(t.publicationId, t.slug), uniqueIndex("authors_publication_email_idx").on(t.publicationId, t.email)],
);

export const sections = pgTable(
  "sections",
  {
    id: serial("id").primaryKey(),
    publicationId: publicationId(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    description: text("description").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    // A recurring series (e.g. a weekly column) carries its own label shown on its pieces.
    seriesLabel: text("series_label"),
    position: integer("position").notNull().default(0),
    // Shown in the header navigation. Sections a WordPress import creates stay out unless chosen.
    inNav: boolean("in_nav").notNull().default(true),
  },
  (t) => [uniqueIndex("sections_publication_slug_idx").on(t.publicationId, t.slug)],
);

export const tags = pgTable(
  "tags",
  {
    id: serial("id").primaryKey(),
    publicationId: publicationId(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("tags_publication_slug_idx").on(t.publicationId, t.slug)],
);

export const articleStatuses = ["draft", "scheduled", "published"] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const locales = ["ko", "en"] as const;
export type Locale = (typeof locales)[number];

export const articles = pgTable(
  "articles",
  {
    id: serial("id").primaryKey(),
    publicationId: publicationId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    dek: jsonb("dek")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    body: text("body").notNull().default(""),
    locale: text("locale").$type<Locale>().notNull().default("ko"),
    heroImage: text("hero_image"),
    heroAlt: text("hero_alt").notNull().default(""),
    heroCaption: text("hero_caption").notNull().default(""),
    heroCredit: text("hero_credit").notNull().default(""),
    sectionId: integer("section_id").references(() => sections.id, { onDelete: "set null" }),
    status: text("status").$type<ArticleStatus>().notNull().default("draft"),
    publishAt: instant("publish_at"),
    // "public", "free" (members only) or a paid tier slug.
    access: text("access").notNull().default("public"),
    unlockAt: instant("unlock_at"),
    // Used when the body has no paywall marker.
    previewParagraphs: integer("preview_paragraphs").notNull().default(3),
    seoTitle: text("seo_title"),
    seoDescription: text("seo_description"),
    // Plain-text copies derived from the Markdown on every write, for search: the teaser is what
    // every reader may see, the full text only what readers with access may match against.
    teaserText: text("teaser_text").notNull().default(""),
    fullText: text("full_text").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("articles_publication_slug_idx").on(t.publicationId, t.slug),
    index("articles_publish_idx").on(t.publicationId, t.status, t.publishAt),
    index("articles_section_idx").on(t.sectionId),
  ],
);

export const articleAuthors = pgTable(
  "article_authors",
  {
    articleId: ownedBy("article_id", () => articles.id),
    authorId: ownedBy("author_id", () => authors.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.authorId] }), index("article_authors_author_idx").on(t.authorId)],
);

export const articleTags = pgTable(
  "article_tags",
  {
    articleId: ownedBy("article_id", () => articles.id),
    tagId: ownedBy("tag_id", () => tags.id),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index("article_tags_tag_idx").on(t.tagId)],
);

// Bundles: a tier includes tiers of other publications (premium of A includes premium of B).
// Access in B counts grants of A's tier as grants of the included B tier (lib/access/bundles.ts).
export const tierIncludes = pgTable(
  "tier_includes",
  {
    tierId: ownedBy("tier_id", () => tiers.id),
    includedTierId: ownedBy("included_tier_id", () => tiers.id),
  },
  (t) => [primaryKey({ columns: [t.tierId, t.includedTierId] }), index("tier_includes_included_idx").on(t.includedTierId)],
);

export type Tier = typeof tiers.$inferSelect;
export type Author = typeof authors.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type Tag = typeof tags.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
