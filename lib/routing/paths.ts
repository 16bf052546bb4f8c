// Pure path rules for proxy.ts. Kept separate so they are unit-tested without a server.

// Decodes percent-encoding repeatedly (double-encoded `%252F` too), folds backslashes and
// repeated slashes, and lower-cases, so every spelling of a path compares equal.
export function normalizePath(pathname: string): string {
  let path = pathname;
  for (let i = 0; i < 4; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      break;
    }
    if (decoded === path) break;
    path = decoded;
  }
  return path
    .replace(/\\/g, "/")
    .replace(/\/{2,}/g, "/")
    .replace(/\/\.(?=\/|$)/g, "")
    .toLowerCase();
}

// The per-tier render (/t/…) and the per-publication reader pages (/p/…) are internal: reachable
// only through the proxy's rewrite, which puts the Host's publication (and the reader's tier) in.
export function isInternalPath(pathname: string): boolean {
  const path = normalizePath(pathname);
  return /^\/+[tp](?:$|[/.;])/.test(path) || /^\/(?:ko|en)\/[tp](?:$|[/.;])/.test(path);
}

// Draft preview links (/preview/{token}): a route handler that checks the signed token itself and
// answers its own no-store, noindex document. The proxy passes exactly this shape through, never
// into a reader or per-tier render; any other /preview… path is an ordinary unknown page (404).
export function isPreviewLinkPath(pathname: string): boolean {
  return /^\/preview\/[A-Za-z0-9._-]{1,200}$/.test(pathname);
}

const articlePattern = /^\/articles\/([^/]+)\/?$/;

// `/articles/{slug}` (also `/en/articles/{slug}`, which redirects) → slug, or null.
export function matchArticlePath(pathname: string): string | null {
  const m = articlePattern.exec(pathname);
  if (!m) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  // Slugs are ASCII kebab-case; anything else cannot name a piece. "__invalid__" is in no table of
  // known pieces, so the proxy answers it 404 without touching the cache key space.
  return /^[a-z0-9][a-z0-9-]{0,199}$/.test(slug) ? slug : "__invalid__";
}

export type LocaleRoute = { kind: "redirect"; to: string } | { kind: "rewrite"; to: string; known: boolean };

// Reader pages under app/[lang]. Unknown paths still render the localized 404 page, but the
// proxy must set the status: a streamed catch-all page cannot change it once rendering began.
// Add a pattern here with every new reader page (tests/unit/routing-app-tree.test.ts checks app/).
const readerRoutes = [
  /^\/$/,
  /^\/search\/?$/,
  /^\/(?:authors|sections|tags)\/[^/]+\/?$/,
  /^\/sections\/[^/]+\/feed\.xml$/,
  /^\/feed\.xml$/,
  /^\/(?:pricing|account|signout)\/?$/,
  /^\/signin(?:\/(?:check-email|error))?\/?$/,
  /^\/checkout\/(?:demo|portone|success)\/?$/,
  /^\/account\/(?:portal|email\/confirm)\/?$/,
];

export function isKnownReaderPath(barePath: string): boolean {
  return readerRoutes.some((r) => r.test(barePath));
}

/** The internal root of a publication's reader pages in one UI language. */
export const readerRoot = (publicationSlug: string, lang: "ko" | "en") => `/p/${publicationSlug}/${lang}`;

// Korean UI at bare paths, English under /en, both rewritten into the publication's internal
// segment (/p/<publication>/<lang>/…); /ko/… redirects to the bare path.
export function localeRoute(pathname: string, publicationSlug: string): LocaleRoute {
  if (pathname === "/ko" || pathname.startsWith("/ko/")) return { kind: "redirect", to: pathname.slice(3) || "/" };
  if (pathname === "/en" || pathname.startsWith("/en/")) {
    const rest = pathname.slice(3);
    return { kind: "rewrite", to: `${readerRoot(publicationSlug, "en")}${rest}`, known: isKnownReaderPath(rest || "/") };
  }
  return {
    kind: "rewrite",
    to: pathname === "/" ? readerRoot(publicationSlug, "ko") : `${readerRoot(publicationSlug, "ko")}${pathname}`,
    known: isKnownReaderPath(pathname),
  };
}

// Per-publication files at the root of every host.
export function publicationFileRoute(pathname: string, publicationSlug: string): string | null {
  if (pathname === "/sitemap.xml" || pathname === "/robots.txt") return `/p/${publicationSlug}${pathname}`;
  return null;
}
