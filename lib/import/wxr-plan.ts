import { PAYWALL_MARKER } from "@/lib/articles/preview";
import { isValidSlug, latinSlug, taxonomySlug } from "@/lib/studio/slug";
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
  // Set only for a password-protected post (absent keys keep the checksum of every other piece
  // as it was before protection was read, so their re-import still changes nothing).
  protected?: ProtectedPlan;
};

export type ProtectedPlan = {
  // The access level it is imported at ("public" when the operator chose to publish them).
  access: string;
  // Body and dek as importers before this one wrote them: only to recognise, on a re-import, a
  // piece that one imported public (lib/import/wxr-legacy.ts).
  unprotected: { body: string; dek: string[] };
};

export type PlanOptions = { protectedAccess?: string };

export type ImportPlan = {
  source: string;
  authors: { login: string; slug: string; name: string; email: string | null; bio: string }[];
  sections: { slug: string; name: string; description: string }[];
  tags: { slug: string; name: string }[];
  pieces: PlannedPiece[];
  skipped: { wpId: number; reason: string }[];
  // The access level password-protected posts are imported at (lib/import/protected-access.ts).
  protectedAccess: string;
};

const STATUS: Record<string, PlannedPiece["status"]> = { publish: "published", future: "scheduled", draft: "draft", pending: "draft", private: "draft" };

function pieceSlug(item: WxrItem): string {
  if (isValidSlug(item.slug)) return item.slug;
  // Not romanized: an export imported before must keep proposing the same slugs (wp-<id>).
  const fromTitle = latinSlug(item.title);
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

// A featured image on the old host leads the body (see below); it stays in front of the cut of a
// protected post — WordPress showed the featured image beside the password form, not the text.
function leadImage(hero: string, alt: string, caption: string): string {
  return `![${alt.replace(/[[\]]/g, "")}](${hero})\n\n${caption ? `*${caption}*\n\n` : ""}`;
}

// A protected post was unreadable without its password: nothing of its text may reach a reader
// without access, so the cut sits before the first word (an editor can move it) and the excerpt —
// which WordPress never showed for such a post — is dropped.
function protectedPlan(item: WxrItem, access: string, lead: string, dek: string[]): Pick<PlannedPiece, "body" | "dek" | "protected"> {
  const unprotected = { body: `${lead}${wpHtmlToMarkdown(item.contentHtml)}`, dek };
  if (access === "public") return { ...unprotected, protected: { access, unprotected } };
  const text = wpHtmlToMarkdown(item.contentHtml, { moreCut: false });
  return { body: `${lead}${PAYWALL_MARKER}\n\n${text}`, dek: [], protected: { access, unprotected } };
}

export function planImport(doc: WxrDocument, { protectedAccess = "free" }: PlanOptions = {}): ImportPlan {
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
    const lead = remoteHero ? leadImage(hero, alt, caption) : "";
    const dek = item.excerpt ? [plainExcerpt(item.excerpt)] : [];
    const content = item.passwordProtected ? protectedPlan(item, protectedAccess, lead, dek) : { body: `${lead}${wpHtmlToMarkdown(item.contentHtml)}`, dek };
    pieces.push({
      wpId: item.id,
      type: item.type,
      slug,
      title: item.title || `(제목 없음 ${item.id})`,
      body: content.body,
      dek: content.dek,
      status,
      publishAt: item.dateGmt,
      authorLogins: item.creator ? [item.creator] : [],
      sectionSlug: categories[0] ? taxonomySlug(categories[0].slug || categories[0].name) : null,
      tags: [...categories.slice(1), ...item.terms.filter((t) => t.domain === "post_tag")].map((t) => ({
        slug: taxonomySlug(t.slug || t.name),
        name: t.name || t.slug,
      })),
      heroImage: remoteHero ? null : hero,
      heroCaption: remoteHero ? "" : caption,
      heroAlt: remoteHero ? "" : alt,
      oldPaths: status === "draft" ? [] : oldPaths(item, doc.siteUrl, slug),
      ...(content.protected ? { protected: content.protected } : {}),
    });
  }
  return {
    source: `wxr:${doc.siteUrl}`,
    authors: doc.authors.map((a) => ({ login: a.login, slug: taxonomySlug(a.login), name: a.displayName, email: a.email, bio: a.bio })),
    sections: doc.categories.map((c) => ({ slug: taxonomySlug(c.slug || c.name), name: c.name, description: c.description })),
    tags: doc.tags.map((t) => ({ slug: taxonomySlug(t.slug || t.name), name: t.name })),
    pieces,
    skipped,
    protectedAccess,
  };
}
