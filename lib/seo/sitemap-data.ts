import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { listLiveArticles } from "@/db/queries/articles";
import { listAuthors, listSections } from "@/db/queries/taxonomy";
import { listsTag, RENDER_TTL_SECONDS, taxonomyTag } from "@/lib/articles/cache-tags";
import type { SitemapSource } from "./sitemap";

// One sitemap file holds at most 50,000 URLs; beyond this many pieces the sitemap needs splitting
// (generateSitemaps) and a slug-only query.
export const SITEMAP_ARTICLE_LIMIT = 5000;

export const getSitemapSource = (pub: number): Promise<SitemapSource> =>
  unstable_cache(
    async (): Promise<SitemapSource> => {
      const db = await getDb();
      const [rows, sections, authors] = await Promise.all([
        listLiveArticles(db, pub, new Date(), {}, SITEMAP_ARTICLE_LIMIT),
        listSections(db, pub),
        listAuthors(db, pub),
      ]);
      return {
        articles: rows.map((r) => ({
          slug: r.slug,
          // A piece scheduled after its last edit changed (appeared) at its publish instant.
          updatedAt: (r.publishAt && r.publishAt > r.updatedAt ? r.publishAt : r.updatedAt).toISOString(),
          section: r.section?.slug ?? null,
          authors: r.authors.map((a) => a.slug),
          tags: r.tags.map((t) => t.slug),
        })),
        sections: sections.map((s) => s.slug),
        authors: authors.map((a) => a.slug),
      };
    },
    ["seo-sitemap", String(pub), String(SITEMAP_ARTICLE_LIMIT)],
    { tags: [listsTag(pub), taxonomyTag(pub)], revalidate: RENDER_TTL_SECONDS },
  )();
