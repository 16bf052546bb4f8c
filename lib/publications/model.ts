// Publications as every layer sees them (design §10). Pure: the table, the request's host and
// SITE_URL are arguments.
import type { UiLang } from "@/lib/i18n";

export type PublicationRef = {
  id: number;
  slug: string;
  name: string;
  nameEn: string | null;
  tagline: string;
  taglineEn: string | null;
  locale: UiLang;
  timeZone: string;
  accentColor: string;
  logoUrl: string | null;
  isPrimary: boolean;
  // Lower-case hostnames without port, canonical first. The primary also owns SITE_URL's host.
  hosts: string[];
};

export type PublicationTable = {
  primary: PublicationRef;
  byId: ReadonlyMap<number, PublicationRef>;
  bySlug: ReadonlyMap<string, PublicationRef>;
  byHost: ReadonlyMap<string, PublicationRef>;
};

/**
 * The hostname of a Host header: lower-cased, without port or trailing dot; null when it is not a
 * plausible DNS name or IP literal (anything else is answered as the primary publication).
 */
export function hostnameOf(hostHeader: string | null | undefined): string | null {
  if (!hostHeader) return null;
  let host = hostHeader.trim().toLowerCase();
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end > 0 ? host.slice(0, end + 1) : null;
  }
  host = host.replace(/:\d{1,5}$/, "").replace(/\.$/, "");
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host) && host.length <= 253 ? host : null;
}

export function buildPublicationTable(rows: readonly PublicationRef[], siteHost: string | null): PublicationTable | null {
  const primary = rows.find((p) => p.isPrimary);
  if (!primary) return null;
  const byHost = new Map<string, PublicationRef>();
  for (const p of rows) for (const h of p.hosts) byHost.set(h, p);
  // SITE_URL's host is the primary's even when no row names it.
  if (siteHost && !byHost.has(siteHost)) byHost.set(siteHost, primary);
  return { primary, byId: new Map(rows.map((p) => [p.id, p])), bySlug: new Map(rows.map((p) => [p.slug, p])), byHost };
}

// Routing is by hostname, port ignored; a host no publication names (IP literals, typos, forged
// Host headers) is answered as the primary publication, never as another one.
export function publicationForHost(table: PublicationTable, hostHeader: string | null | undefined): PublicationRef {
  const host = hostnameOf(hostHeader);
  return (host && table.byHost.get(host)) || table.primary;
}

/**
 * A publication's canonical origin: the primary's is SITE_URL; another's is its first hostname
 * with SITE_URL's scheme and port (http://data.localhost:3000 next to http://localhost:3000).
 * Links, canonicals, feeds and emails use it, never the request's Host.
 */
export function publicationOrigin(pub: Pick<PublicationRef, "isPrimary" | "hosts">, siteUrl: string): string {
  const site = new URL(siteUrl);
  if (pub.isPrimary || pub.hosts.length === 0) return site.origin;
  return `${site.protocol}//${pub.hosts[0]}${site.port ? `:${site.port}` : ""}`;
}

export const publicationName = (pub: Pick<PublicationRef, "name" | "nameEn">, lang: UiLang) => (lang === "en" && pub.nameEn ? pub.nameEn : pub.name);
export const publicationTagline = (pub: Pick<PublicationRef, "tagline" | "taglineEn">, lang: UiLang) =>
  lang === "en" && pub.taglineEn ? pub.taglineEn : pub.tagline;

// Slugs and hostnames a publication may take (checked again by the unique indexes).
export const PUBLICATION_SLUG = /^[a-z][a-z0-9-]{0,39}$/;
// Words the internal paths and the CLI use; a publication cannot be called that.
export const RESERVED_PUBLICATION_SLUGS = new Set(["t", "p", "api", "studio", "ko", "en", "_next", "images", "admin", "all"]);

export function publicationSlugProblem(slug: string): string | null {
  if (!PUBLICATION_SLUG.test(slug)) return "a publication slug is 1–40 lower-case letters, digits or -, starting with a letter";
  if (RESERVED_PUBLICATION_SLUGS.has(slug)) return `"${slug}" is reserved`;
  return null;
}

export function hostnameProblem(host: string): string | null {
  const normal = hostnameOf(host);
  if (!normal || normal !== host.trim().toLowerCase() || normal.startsWith("[") || /^\d+(\.\d+){3}$/.test(normal))
    return `"${host}" is not a hostname (lower-case DNS name, no port, no IP address)`;
  return null;
}
