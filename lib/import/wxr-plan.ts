import { isValidSlug, slugify, taxonomySlug } from "@/lib/studio/slug";
import { normalizeLegacyPath } from "./redirects";
import { plainExcerpt, wpHtmlToMarkdown } from "./wp-content";
import type { WxrDocument, WxrItem } from "./wxr-types";

// WXR document → what to write (pure). Slugs proposed here are stable for the same file, so a
// re-import lands on the same rows and URLs.

export type PlannedPiece = {
  wpId: number;
  type: string;
  slug: string;
  title: string;
  body: string;
  dek: string[];
  status: "draft" | "scheduled" | "published";
  publishAt: Date | null;
  authorLogins: string[];
  sectionSlug: string | null;
  tags: { slug: string; name: string }[];
  heroImage: string | null;
  heroCaption: string;
  heroAlt: string;
  oldPaths: string[];
};

export type ImportPlan = {
  source: string;
  authors: { login: string; slug: string; name: string; email: string | null; bio: string }[];
  sections: { slug: string; name: string; description: string }[];
  tags: { slug: string; name: string }[];
  pieces: PlannedPiece[];
  skipped: { wpId: number; reason: string }[];
};

const STATUS: Record<string, PlannedPiece["status"]> = { publish: "published", future: "scheduled", draft: "draft", pending: "draft", private: "draft" };

function pieceSlug(item: WxrItem): string {
  if (isValidSlug(item.slug)) return item.slug;
  const fromTitle = slugify(item.title);
  return /^piece-[0-9a-f]{8}$/.test(fromTitle) ? `wp-${item.id}` : fromTitle;
}

function oldPaths(item: WxrItem, siteUrl: string, slug: string): string[] {
  const out = new Set<string>();
  const add = (path: string, search = "") => {
    const key = normalizeLegacyPath(path, search);
    if (key && key !== "/") out.add(key);
  };
  add("/", item.type === "page" ? `?page_id=${item.id}` : `?p=${item.id}`);
  add("/", `?p=${item.id}`);
  if (item.link.startsWith(siteUrl)) {
    const u = new URL(item.link);
    add(u.pathname, u.search);
  }
  const wpSlug = item.slug || slug;
  if (item.type === "post" && item.dateGmt) {
    const y = item.dateGmt.getUTCFullYear();
    const m = String(item.dateGmt.getUTCMonth() + 1).padStart(2, "0");
    add(`/${y}/${m}/${wpSlug}/`);
  }
  add(`/${wpSlug}/`);
  return [...out];
}

export function planImport(doc: WxrDocument): ImportPlan {
  const byId = new Map(doc.items.map((i) => [i.id, i]));
  const pieces: PlannedPiece[] = [];
  const skipped: ImportPlan["skipped"] = [];
  for (const item of doc.items) {
    if (item.type !== "post" && item.type !== "page") continue;
    const status = STATUS[item.status];
    if (!status) {
      skipped.push({ wpId: item.id, reason: `status ${item.status}` });
      continue;
    }
    const slug = pieceSlug(item);
    const categories = item.terms.filter((t) => t.domain === "category");
    const thumb = byId.get(Number(item.meta._thumbnail_id));
    const hero = thumb?.attachmentUrl ?? null;
    const caption = thumb ? plainExcerpt(thumb.excerpt) : "";
    const alt = thumb?.meta._wp_attachment_image_alt ?? "";
    // Featured images stay on the old host; the reader's next/image only serves configured hosts,
    // so a remote featured image leads the body (with its caption) instead of the hero slot.
    const remoteHero = hero !== null && !hero.startsWith("/");
    const body = wpHtmlToMarkdown(item.contentHtml);
    pieces.push({
      wpId: item.id,
      type: item.type,
      slug,
      title: item.title || `(제목 없음 ${item.id})`,
      body: remoteHero ? `![${alt.replace(/[[\]]/g, "")}](${hero})\n\n${caption ? `*${caption}*\n\n` : ""}${body}` : body,
      dek: item.excerpt ? [plainExcerpt(item.excerpt)] : [],
      status,
      publishAt: item.dateGmt,
      authorLogins: item.creator ? [item.creator] : [],
      sectionSlug: categories[0] ? taxonomySlug(categories[0].slug || categories[0].name) : null,
      tags: [...categories.slice(1), ...item.terms.filter((t) => t.domain === "post_tag")].map((t) => ({ slug: taxonomySlug(t.slug || t.name), name: t.name || t.slug })),
      heroImage: remoteHero ? null : hero,
      heroCaption: remoteHero ? "" : caption,
      heroAlt: remoteHero ? "" : alt,
      oldPaths: status === "draft" ? [] : oldPaths(item, doc.siteUrl, slug),
    });
  }
  return {
    source: `wxr:${doc.siteUrl}`,
    authors: doc.authors.map((a) => ({ login: a.login, slug: taxonomySlug(a.login), name: a.displayName, email: a.email, bio: a.bio })),
    sections: doc.categories.map((c) => ({ slug: taxonomySlug(c.slug || c.name), name: c.name, description: c.description })),
    tags: doc.tags.map((t) => ({ slug: taxonomySlug(t.slug || t.name), name: t.name })),
    pieces,
    skipped,
  };
}
