import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTiers } from "@/lib/articles/reader";
import { dict } from "@/lib/i18n";
import { publicationName } from "@/lib/publications/model";
import { listingMetadata, type ListingMetadataInput } from "@/lib/seo/metadata";
import { pageContext, type PageContext, type PageParams } from "../lang";

// The author, section and tag pages: one record named by the URL's slug, with its pieces. The
// loaders are cached, so the metadata and the page may each call theirs.
export type SlugPageProps = { params: Promise<PageParams & { slug: string }> };
type LoadBySlug<T> = (publicationId: number, slug: string) => Promise<T | null>;
type Described = Omit<ListingMetadataInput, "base" | "siteName" | "lang">;

/** generateMetadata for a slug page: empty when the slug names nothing (the page then 404s). */
export function slugListingMetadata<T>(load: LoadBySlug<T>, describe: (data: T, ctx: PageContext & { siteName: string }) => Described) {
  return async function generateMetadata({ params }: SlugPageProps): Promise<Metadata> {
    const { slug } = await params;
    const ctx = await pageContext(params);
    const data = await load(ctx.pub.id, slug);
    if (!data) return {};
    const siteName = publicationName(ctx.pub, ctx.lang);
    return listingMetadata({ base: ctx.base, siteName, lang: ctx.lang, ...describe(data, { ...ctx, siteName }) });
  };
}

/** The page's record, the publication's tiers (for the cards' badges) and the dictionary; 404 when the slug names nothing. */
export async function loadSlugListing<T>(params: SlugPageProps["params"], load: LoadBySlug<T>) {
  const ctx = await pageContext(params);
  const { slug } = await params;
  const [data, tiers] = await Promise.all([load(ctx.pub.id, slug), getTiers(ctx.pub.id)]);
  if (!data) notFound();
  return { ...ctx, data, tiers, t: dict(ctx.lang) };
}
