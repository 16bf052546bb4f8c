import "server-only";
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getPublicationBySlug, listPublications } from "@/db/queries/publications";
import { PUBLICATIONS_TAG, RENDER_TTL_SECONDS } from "@/lib/articles/cache-tags";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { publicationOrigin, type PublicationRef } from "./model";
import { publicationOfRequest } from "./table";
import { toPublicationRef } from "./views";

// Which publication a page, route handler or action is for.
//  - Reader pages and per-tier renders get the publication's slug in their internal path
//    (`/p/<slug>/…`, `/t/<slug>/…`, set by the proxy from the Host) and read it cached.
//  - Route handlers (APIs, feeds, webhooks aside) take it from the request's Host through the
//    in-memory table, like the proxy: no query.

export const getPublicationView = (slug: string): Promise<PublicationRef | null> =>
  unstable_cache(
    async () => {
      const row = await getPublicationBySlug(await getDb(), slug);
      return row ? toPublicationRef(row) : null;
    },
    ["publication", slug],
    { tags: [PUBLICATIONS_TAG], revalidate: RENDER_TTL_SECONDS },
  )();

export const listPublicationViews = (): Promise<PublicationRef[]> =>
  unstable_cache(async () => (await listPublications(await getDb())).map(toPublicationRef), ["publications"], {
    tags: [PUBLICATIONS_TAG],
    revalidate: RENDER_TTL_SECONDS,
  })();

/** For pages under a `[pub]` segment: the publication or the 404 page. */
export async function requirePagePublication(slug: string): Promise<PublicationRef> {
  return (await getPublicationView(slug)) ?? notFound();
}

/** For route handlers: the publication at the request's host (503 while the table is loading). */
export function requireRequestPublication(req: { headers: { get(name: string): string | null } }): PublicationRef {
  const pub = publicationOfRequest(req);
  if (!pub) throw new AppError("unavailable", "publication", "The site is starting; try again in a moment.");
  return pub;
}

/** The canonical origin of a publication (links, feeds, emails): never the request's Host. */
export const originOf = (pub: Pick<PublicationRef, "isPrimary" | "hosts">) => publicationOrigin(pub, siteUrl());

/** For server actions and pages rendered per request: the publication at the request's host. */
export async function requestPublication(): Promise<PublicationRef> {
  const { headers } = await import("next/headers");
  return requireRequestPublication({ headers: await headers() });
}
