import type { NextRequest, NextResponse } from "next/server";
import { siteUrl } from "@/lib/env";
import { buildContentSecurityPolicy } from "./csp.mjs";
import { isPrerenderedPath } from "./prerendered-routes";

// The proxy's half of the Content-Security-Policy. A document rendered for this request gets a
// fresh nonce: Next reads it from the request's `Content-Security-Policy` header and stamps it on
// every script it emits (its inline RSC payload and bootstrap included). Prerendered renders are
// skipped: they are shared, so their policy (inline-script hashes) travels in the cache entry.

const CSP = "content-security-policy";

function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

function defaultOptions(): { dev: boolean; https: boolean } {
  // NODE_ENV is inlined by Next at build time: `next dev` needs eval, production never.
  return { dev: process.env.NODE_ENV === "development", https: siteUrl().startsWith("https://") };
}

/** The internal path Next will render for this proxy response (its rewrite target, if any). */
function targetPath(request: NextRequest, response: NextResponse): string {
  const rewrite = response.headers.get("x-middleware-rewrite");
  return rewrite ? new URL(rewrite, request.url).pathname : request.nextUrl.pathname;
}

/**
 * Adds a per-request nonce policy to a proxy response (next, rewrite or redirect), and forwards
 * it as a request header so the render can use the nonce. Hook: `return withContentSecurityPolicy(request, await route(request))`.
 */
export function withContentSecurityPolicy(request: NextRequest, response: NextResponse, options = defaultOptions()): NextResponse {
  const isRedirect = response.status >= 300 && response.status < 400 && response.headers.has("location");
  if (!isRedirect && isPrerenderedPath(targetPath(request, response))) return response;
  const policy = buildContentSecurityPolicy({ scriptSources: [`'nonce-${newNonce()}'`], ...options });
  response.headers.set(CSP, policy);
  if (!isRedirect) forwardRequestHeader(request, response, CSP, policy);
  return response;
}

// What `NextResponse.next({ request: { headers } })` does, applied to an existing response: Next
// rebuilds the render's request from the override list, taking each listed header's value from
// `x-middleware-request-<name>` (a listed name without one is deleted). So when the response does
// not override yet, every original header is listed and copied, or the render would lose them.
function forwardRequestHeader(request: NextRequest, response: NextResponse, name: string, value: string): void {
  const existing = response.headers.get("x-middleware-override-headers");
  const names = existing ? existing.split(",") : [];
  if (!existing) {
    request.headers.forEach((v, key) => {
      names.push(key);
      response.headers.set(`x-middleware-request-${key}`, v);
    });
  }
  if (!names.includes(name)) names.push(name);
  response.headers.set("x-middleware-override-headers", names.join(","));
  response.headers.set(`x-middleware-request-${name}`, value);
}
