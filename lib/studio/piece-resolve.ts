import type { Db } from "@/db/client";
import type { ArticleWrite } from "@/db/queries/content-writes";
import { upsertTag } from "@/db/queries/content-writes";
import { findTagsBySlugOrName, getArticleIdBySlug, listAuthorsWhere, type StudioArticle } from "@/db/queries/studio-articles";
import { listSections, listTiers } from "@/db/queries/taxonomy";
import type { ArticleStatus } from "@/db/schema";
import { isPaidTier } from "@/lib/access";
import { deriveSearchText } from "@/lib/articles/derive";
import { AppError } from "@/lib/http/errors";
import type { PieceFields } from "./piece-input";
import { isValidSlug, slugify, taxonomySlug } from "./slug";
import { studioMessage } from "./messages";

// Every lookup is within one publication (`pub`): its tiers, its slugs, its authors, sections and tags.

export async function resolveAccessLevel(db: Db, pub: number, access: string): Promise<string> {
  if (access === "public" || access === "free") return access;
  const paid = (await listTiers(db, pub)).filter(isPaidTier);
  if (paid.some((t) => t.slug === access)) return access;
  throw new AppError("invalid", "access", studioMessage("unknownAccess", access, paid.map((t) => t.slug).join(", ")));
}

async function resolveSlug(db: Db, pub: number, fields: PieceFields, existing: StudioArticle | null): Promise<string> {
  const selfId = existing?.id ?? null;
  // An update keeps its URL unless a new slug is sent: a changed title must not move the piece.
  if (fields.slug === undefined && existing) return existing.slug;
  if (fields.slug !== undefined) {
    if (!isValidSlug(fields.slug)) throw new AppError("invalid", "slug", studioMessage("slugFormat"));
    const owner = await getArticleIdBySlug(db, pub, fields.slug);
    if (owner !== null && owner !== selfId) throw new AppError("conflict", "slug", studioMessage("slugTaken", fields.slug));
    return fields.slug;
  }
  const base = slugify(fields.title);
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const owner = await getArticleIdBySlug(db, pub, candidate);
    if (owner === null || owner === selfId) return candidate;
  }
  throw new AppError("conflict", "slug", studioMessage("slugUnderivable"));
}

async function resolveAuthorIds(db: Db, pub: number, fields: PieceFields, existing: StudioArticle | null): Promise<number[]> {
  const emails = [...(fields.authorEmail ? [fields.authorEmail] : []), ...(fields.authorEmails ?? [])];
  const slugs = fields.authorSlugs ?? [];
  const given = fields.authorEmail !== undefined || fields.authorEmails !== undefined || fields.authorSlugs !== undefined;
  if (!given) return existing?.authors.map((a) => a.id) ?? [];
  if (!emails.length && !slugs.length) return [];
  const rows = await listAuthorsWhere(db, pub, { emails, slugs });
  const ordered = [
    ...emails.map((e) => rows.find((a) => a.email?.toLowerCase() === e.toLowerCase()) ?? e),
    ...slugs.map((s) => rows.find((a) => a.slug === s) ?? s),
  ];
  const missing = ordered.filter((x): x is string => typeof x === "string");
  if (missing.length) throw new AppError("invalid", emails.length ? "authorEmail" : "authorSlugs", studioMessage("unknownAuthors", missing.join(", ")));
  return [...new Set(ordered.map((a) => (typeof a === "string" ? -1 : a.id)))];
}

async function resolveTagIds(db: Db, pub: number, names: string[]): Promise<number[]> {
  const found = await findTagsBySlugOrName(db, pub, names);
  const ids: number[] = [];
  for (const name of names) {
    const hit = found.find((t) => t.slug === name || t.name === name) ?? (await upsertTag(db, pub, taxonomySlug(name), name));
    ids.push(hit.id);
  }
  return [...new Set(ids)];
}

async function resolveSectionId(db: Db, pub: number, section: string | null | undefined, existing: StudioArticle | null): Promise<number | null> {
  if (section === undefined) return existing?.sectionId ?? null;
  if (section === null || section === "") return null;
  const row = (await listSections(db, pub)).find((s) => s.slug === section);
  if (!row) throw new AppError("invalid", "section", studioMessage("unknownSection", section));
  return row.id;
}

// "published" with a future instant is a scheduled piece; "scheduled" needs its instant.
function resolveSchedule(fields: PieceFields, existing: StudioArticle | null, now: Date): { status: ArticleStatus; publishAt: Date | null } {
  // Without an explicit instant, a piece switched to "published" goes out now; otherwise it keeps its own.
  const keep = existing && (existing.status === fields.status || fields.status !== "published") ? existing.publishAt : null;
  const given = fields.publishAt === undefined ? keep : fields.publishAt;
  if (fields.status === "draft") return { status: "draft", publishAt: given };
  if (fields.status === "scheduled") {
    if (!given) throw new AppError("invalid", "publishAt", studioMessage("publishAtRequired"));
    return { status: "scheduled", publishAt: given };
  }
  const publishAt = given ?? now;
  return { status: publishAt.getTime() > now.getTime() ? "scheduled" : "published", publishAt };
}

export async function resolvePieceWrite(db: Db, pub: number, fields: PieceFields, existing: StudioArticle | null, now: Date): Promise<ArticleWrite> {
  const previewParagraphs = fields.previewParagraphs ?? existing?.previewParagraphs ?? 3;
  const [access, slug, authorIds, sectionId] = await Promise.all([
    resolveAccessLevel(db, pub, fields.access),
    resolveSlug(db, pub, fields, existing),
    resolveAuthorIds(db, pub, fields, existing),
    resolveSectionId(db, pub, fields.section, existing),
  ]);
  const tagIds = fields.tags === undefined ? (existing?.tags.map((t) => t.id) ?? []) : await resolveTagIds(db, pub, fields.tags);
  return {
    publicationId: pub,
    slug,
    title: fields.title,
    dek: (fields.dek ?? existing?.dek ?? []).map((l) => l.trim()).filter(Boolean),
    body: fields.body,
    locale: fields.locale ?? existing?.locale ?? "ko",
    access,
    unlockAt: fields.unlockAt === undefined ? (existing?.unlockAt ?? null) : fields.unlockAt,
    ...resolveSchedule(fields, existing, now),
    previewParagraphs,
    sectionId,
    heroImage: fields.heroImage === undefined ? (existing?.heroImage ?? null) : fields.heroImage || null,
    heroAlt: fields.heroAlt ?? existing?.heroAlt ?? "",
    heroCaption: fields.heroCaption ?? existing?.heroCaption ?? "",
    heroCredit: fields.heroCredit ?? existing?.heroCredit ?? "",
    seoTitle: fields.seoTitle === undefined ? (existing?.seoTitle ?? null) : fields.seoTitle || null,
    seoDescription: fields.seoDescription === undefined ? (existing?.seoDescription ?? null) : fields.seoDescription || null,
    ...deriveSearchText(fields.body, previewParagraphs),
    updatedAt: now,
    authorIds,
    tagIds,
  };
}
