import { NON_DOCUMENT_POLICY } from "./csp.mjs";

// Headers that do not depend on the response body, for next.config.ts `headers()`: Next applies
// them to every response whose incoming path matches, including API routes, static files, 404s
// and redirects. Document CSPs are not here: they carry a nonce (proxy) or hashes (cache entry).

type HeaderRule = { source: string; has?: { type: "header"; key: string; value?: string }[]; headers: { key: string; value: string }[] };

export const HSTS = "max-age=63072000; includeSubDomains";

const everyResponse = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  // Legacy twin of `frame-ancestors 'none'` for browsers without CSP level 2.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * @param siteUrl the canonical origin at build time (Next evaluates `headers()` during `next build`).
 * HSTS is sent when the site is https, or when the request reached the TLS terminator in front of
 * `next start` over https (`X-Forwarded-Proto: https`) — `next start` itself only speaks http, and
 * browsers ignore HSTS received over http, so a forged header on a plain request does nothing.
 */
export function staticSecurityHeaders(siteUrl: string): HeaderRule[] {
  const hsts = [{ key: "Strict-Transport-Security", value: HSTS }];
  return [
    { source: "/:path*", headers: siteUrl.startsWith("https://") ? [...everyResponse, ...hsts] : everyResponse },
    { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: hsts },
    // Not documents: JSON, redirects, images (uploads may be SVG), feeds. Nothing may run there.
    ...["/api/:path*", "/_next/image", "/feed.xml", "/sitemap.xml", "/robots.txt"].map((source) => ({
      source,
      headers: [{ key: "Content-Security-Policy", value: NON_DOCUMENT_POLICY }],
    })),
  ];
}
