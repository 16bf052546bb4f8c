import { processSlot, setProcessSlot } from "@/lib/process-state";
import { isKnownReaderPath } from "@/lib/routing/paths";

// Permanent redirects from a previous site's URLs (WordPress) to Masthead's. Pure: the proxy calls
// legacyRedirect(url) with no database access — the table lives in memory, loaded at server start
// and refreshed after imports (lib/import/redirect-table.ts).

// One spelling per old URL: percent-decoded, NFC, lower-cased, no trailing slash, and for the site
// root only the query parameters WordPress uses to address a post (`/?p=123`, `/?page_id=7`).
export function normalizeLegacyPath(pathname: string, search = ""): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  path = path
    .normalize("NFC")
    .toLowerCase()
    .replace(/\/{2,}/g, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  if (path === "") path = "/";
  if (path === "/" || path === "/index.php") {
    const params = new URLSearchParams(search);
    for (const key of ["p", "page_id"]) {
      const v = params.get(key);
      if (v && /^\d{1,12}$/.test(v)) return `/?${key}=${v}`;
    }
    return null;
  }
  return path;
}

// Masthead's own paths always win over an old URL of the same spelling (a WordPress page called
// "pricing" must not hijack /pricing).
function isOwnPath(key: string): boolean {
  if (key.startsWith("/?")) return false;
  return /^\/(?:articles|authors|sections|tags|studio|api|en|ko|t|p|_next|images)(?:\/|$)/.test(key) || isKnownReaderPath(key);
}

export type RedirectTable = ReadonlyMap<string, string>;
// Per publication: an old URL is answered on the hosts of the publication it was imported into.
export type RedirectTables = ReadonlyMap<number, RedirectTable>;

export function setRedirectTables(tables: RedirectTables): void {
  setProcessSlot("redirectTables", tables);
}

export function matchLegacyRedirect(pathname: string, search: string, table: RedirectTable): string | null {
  if (table.size === 0) return null;
  const key = normalizeLegacyPath(pathname, search);
  if (!key || isOwnPath(key)) return null;
  const to = table.get(key);
  // Never redirect a path to itself (a WordPress slug equal to a Masthead path).
  return to && to !== key ? to : null;
}

// The one call for proxy.ts: the new path for an old WordPress URL of this publication, or null.
export function legacyRedirect(publicationId: number, url: { pathname: string; search: string }): string | null {
  const table = processSlot("redirectTables", () => new Map() as RedirectTables).get(publicationId);
  return table ? matchLegacyRedirect(url.pathname, url.search, table) : null;
}
