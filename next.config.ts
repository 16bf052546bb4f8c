import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { staticSecurityHeaders } from "./lib/security/static-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // No ETag on pages: Next hashes each rendered page in JavaScript, character by character, on
  // every request — a third of the server's CPU on the article path (profiled, bench/README.md
  // "Node alone vs bare Next") — and articles are `private, no-store` (proxy.ts), so no browser
  // or cache could ever send it back. Feeds set their own validators (lib/seo/conditional.ts).
  generateEtags: false,
  // Lets parallel builds (e.g. two e2e runs on one machine) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite and pg are Node-only; keep them out of the bundler.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  // The build type-checks the product only; `npm run typecheck` checks everything (tests, bench,
  // scripts), so work in progress there never stops a build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  images: {
    formats: ["image/avif", "image/webp"],
  },
  // Instances serving one build behind a load balancer must agree on it (deploy/README.md).
  deploymentId: process.env.MASTHEAD_DEPLOYMENT_ID || undefined,
  generateBuildId: async () => process.env.MASTHEAD_DEPLOYMENT_ID || null,
  // nosniff, referrer, permissions, framing, HSTS; API/feeds get a no-script CSP. Page CSPs come
  // from the proxy (nonce) and the cache handler (inline-script hashes): SECURITY.md.
  headers: async () => [
    ...staticSecurityHeaders(process.env.SITE_URL ?? ""),
    // The Korean font slices change only when scripts/build-korean-font.mjs is run again.
    { source: "/fonts/:path*", headers: [{ key: "Cache-Control", value: "public, max-age=2592000, stale-while-revalidate=86400" }] },
  ],
  experimental: {
    // integrity="sha256-…" on Next's own script tags, so a tampered chunk from a CDN is refused.
    sri: { algorithm: "sha256" },
  },
};

// Renders and cached data: shared by every instance through Redis when REDIS_URL is set at
// server start, Next's own file-system cache otherwise (lib/cache/handler.mjs). `next start` gets
// the handler through Next's global slot, which spares an `import()` per request; the build and
// the dev server through `cacheHandler` (lib/next-internals/global-cache-handler.mjs says why).
const cacheHandler = path.resolve("lib/cache/handler.mjs");

export default async function config(phase: string): Promise<NextConfig> {
  if (phase !== PHASE_PRODUCTION_SERVER) return { ...nextConfig, cacheHandler };
  const { installGlobalCacheHandler } = await import("./lib/next-internals/global-cache-handler.mjs");
  await installGlobalCacheHandler(cacheHandler);
  return nextConfig;
}
