import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { StudioArticleFilter, StudioArticle } from "@/db/queries/studio-articles";
import { getAuthorBySlug, getSectionBySlug } from "@/db/queries/taxonomy";
import { AppError } from "@/lib/http/errors";
import { originOf } from "@/lib/publications/current";
import type { PublicationRef } from "@/lib/publications/model";
import { effectiveStatus } from "@/lib/studio/piece-status";

// On the publication's own canonical host, never the request's.
export const articleUrl = (pub: PublicationRef, slug: string) => `${originOf(pub)}/articles/${slug}`;

// The Admin API's view of a piece. `status` is what was stored; `live` says whether readers can
// see it now (a scheduled piece goes live at publishAt on its own).
export function articleJson(pub: PublicationRef, a: StudioArticle, now = new Date(), withBody = true) {
  return {
    id: a.id,
    slug: a.slug,
    url: articleUrl(pub, a.slug),
    title: a.title,
    dek: a.dek,
    ...(withBody ? { body: a.body } : {}),
    locale: a.locale,
    access: a.access,
    unlockAt: a.unlockAt?.toISOString() ?? null,
    status: a.status,
    live: effectiveStatus(a, now) === "published",
    publishAt: a.publishAt?.toISOString() ?? null,
    previewParagraphs: a.previewParagraphs,
    section: a.section?.slug ?? null,
    authors: a.authors.map((x) => ({ slug: x.slug, name: x.name, email: x.email })),
    tags: a.tags.map((t) => t.name),
    heroImage: a.heroImage,
    heroAlt: a.heroAlt,
    heroCaption: a.heroCaption,
    heroCredit: a.heroCredit,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

const listQuery = z.object({
  status: z.enum(["draft", "scheduled", "published"]).optional(),
  access: z.string().max(64).optional(),
  section: z.string().max(100).optional(),
  author: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export async function parseListQuery(db: Db, pub: number, params: URLSearchParams): Promise<{ filter: StudioArticleFilter; limit: number; offset: number }> {
  const q = listQuery.parse(Object.fromEntries(params));
  const filter: StudioArticleFilter = { status: q.status, access: q.access, q: q.q };
  if (q.section) {
    const section = await getSectionBySlug(db, pub, q.section);
    if (!section) throw new AppError("invalid", "section", `Unknown section "${q.section}".`);
    filter.sectionId = section.id;
  }
  if (q.author) {
    const author = await getAuthorBySlug(db, pub, q.author);
    if (!author) throw new AppError("invalid", "author", `Unknown author "${q.author}".`);
    filter.authorId = author.id;
  }
  return { filter, limit: q.limit, offset: q.offset };
}

export function parseArticleId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError("invalid", "article", "The article id must be a number.");
  return Number(raw);
}
