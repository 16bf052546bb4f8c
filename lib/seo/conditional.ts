// ETag / If-None-Match handling for feeds (and any other generated text). Server-side only
// because of node:crypto; otherwise pure.
import { createHash } from "node:crypto";

export function etagFor(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** RFC 9110 weak comparison: `W/"x"` matches `"x"`; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = strip(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === wanted);
}

export type CachedTextOptions = { contentType: string; cacheControl: string };

/** 200 with the body and its ETag, or 304 without a body when the client already holds it. */
export function conditionalTextResponse(request: Request, body: string, { contentType, cacheControl }: CachedTextOptions): Response {
  const etag = etagFor(body);
  const headers = { ETag: etag, "Cache-Control": cacheControl, Vary: "Accept-Encoding" };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": contentType } });
}

// Short: a feed should show a new piece within minutes. Anonymous content only, so shared caches
// may keep it.
export const FEED_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=600";
