// Which internal paths Next answers from a prerendered (ISR/SSG) render — the routes marked ●/○
// by `next build`. Those renders are shared by every reader, so their policy comes with the cached
// entry (cache-csp.mjs, inline-script hashes); every other document gets a per-request nonce from
// the proxy. Sending both would make the browser enforce both and block the page, so this list
// must follow the app: add a route here when it gains `generateStaticParams`/`revalidate`.
// e2e/security-headers.spec.ts loads one page of each kind and fails on any CSP violation.

// Single-segment static routes that win over `app/[lang]` in Next's route matching.
const STATIC_SINGLE_SEGMENTS = new Set(["studio", "api", "feed.xml", "robots.txt", "sitemap.xml", "favicon.ico"]);

const PRERENDERED = [
  /^\/t\/[^/]+\/articles\/[^/]+\/?$/, // app/t/[tier]/articles/[slug]
  /^\/[^/]+\/pricing\/?$/, // app/[lang]/pricing
  /^\/[^/]+\/(?:authors|sections|tags)\/[^/]+\/?$/, // app/[lang]/{authors,sections,tags}/[slug]
];

/** True when `pathname` (after the proxy's rewrite) is served from a shared prerendered render. */
export function isPrerenderedPath(pathname: string): boolean {
  const single = /^\/([^/]+)\/?$/.exec(pathname); // app/[lang] (the home page), app/_not-found
  if (single) return !STATIC_SINGLE_SEGMENTS.has(single[1]);
  const top = pathname.split("/")[1] ?? "";
  if (STATIC_SINGLE_SEGMENTS.has(top) && top !== "t") return false;
  return PRERENDERED.some((re) => re.test(pathname));
}
