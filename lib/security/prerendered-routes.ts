// Which internal paths Next answers from a prerendered (ISR/SSG) render — the routes marked ●/○
// by `next build`. Those renders are shared by every reader, so their policy comes with the cached
// entry (cache-csp.mjs, inline-script hashes); every other document gets a per-request nonce from
// the proxy. Sending both would make the browser enforce both and block the page, so this list
// must follow the app: add a route here when it gains `generateStaticParams`/`revalidate`
// (tests/unit/routing-app-tree.test.ts compares it with app/).
// e2e/security-headers.spec.ts loads one page of each kind and fails on any CSP violation.

const PRERENDERED = [
  /^\/_not-found\/?$/, // Next's own 404 page
  /^\/t\/[^/]+\/[^/]+\/articles\/[^/]+\/?$/, // app/t/[pub]/[tier]/articles/[slug]
  /^\/p\/[^/]+\/(?:ko|en)\/?$/, // app/p/[pub]/[lang] (the home page)
  /^\/p\/[^/]+\/(?:ko|en)\/pricing\/?$/, // app/p/[pub]/[lang]/pricing
  /^\/p\/[^/]+\/(?:ko|en)\/(?:authors|sections|tags)\/[^/]+\/?$/, // app/p/[pub]/[lang]/{authors,sections,tags}/[slug]
];

/** True when `pathname` (after the proxy's rewrite) is served from a shared prerendered render. */
export function isPrerenderedPath(pathname: string): boolean {
  return PRERENDERED.some((re) => re.test(pathname));
}
