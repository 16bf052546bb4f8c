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
  return path.replace(/\\/g, "/").replace(/\/{2,}/g, "/").replace(/\/\.(?=\/|$)/g, "").toLowerCase();
}

// The per-tier render segment is internal: reachable only through the proxy's rewrite.
export function isInternalPath(pathname: string): boolean {
  const path = normalizePath(pathname);
  return /^\/+t(?:$|[/.;])/.test(path) || /^\/(?:ko|en)\/t(?:$|[/.;])/.test(path);
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

export type LocaleRoute =
  | { kind: "redirect"; to: string }
  | { kind: "rewrite"; to: string; known: boolean }
  | { kind: "pass"; known: boolean };

// Reader pages under app/[lang]. Unknown paths still render the localized 404 page, but the
// proxy must set the status: a streamed catch-all page cannot change it once rendering began.
// Add a pattern here with every new reader page.
const readerRoutes = [
  /^\/$/,
  /^\/search\/?$/,
  /^\/(?:authors|sections|tags)\/[^/]+\/?$/,
  /^\/sections\/[^/]+\/feed\.xml$/,
  /^\/(?:pricing|account|signout)\/?$/,
  /^\/signin(?:\/(?:check-email|error))?\/?$/,
  /^\/checkout\/(?:demo|success)\/?$/,
  /^\/account\/portal\/?$/,
];

export function isKnownReaderPath(barePath: string): boolean {
  return readerRoutes.some((r) => r.test(barePath));
}

// Korean UI at bare paths (rewritten to the internal /ko segment), English under /en.
export function localeRoute(pathname: string): LocaleRoute {
  if (pathname === "/ko" || pathname.startsWith("/ko/")) return { kind: "redirect", to: pathname.slice(3) || "/" };
  if (pathname === "/en" || pathname.startsWith("/en/")) return { kind: "pass", known: isKnownReaderPath(pathname.slice(3) || "/") };
  return { kind: "rewrite", to: pathname === "/" ? "/ko" : `/ko${pathname}`, known: isKnownReaderPath(pathname) };
}
