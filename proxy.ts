import { NextResponse, type NextRequest } from "next/server";
import { resolveRequestIdentity, type RequestIdentity } from "@/lib/auth/proxy-session";
import { withEdgeTier } from "@/lib/edge/proxy-edge";
import { legacyRedirect } from "@/lib/import/redirects";
import { isStudioAction } from "@/lib/next-internals/server-actions";
import { mayBeArticle } from "@/lib/routing/known-articles";
import { isInternalPath, localeRoute, matchArticlePath } from "@/lib/routing/paths";
import { hasMalformedEscape, serverActionRefusal } from "@/lib/routing/request-shape";
import { gateSearchRequest } from "@/lib/search/gate";
import { withContentSecurityPolicy } from "@/lib/security/proxy-csp";

// Next 16 runs this file (formerly middleware.ts) on Node before every matched request. It maps
// the request to the reader's tier *for this instant* and rewrites articles to the shared
// per-tier render. No database access on the steady-state path: pages, route handlers and
// actions re-check authorization on the server.

const NOT_FOUND_PATH = "/ko/__not-found";

function wantsHtmlPage(request: NextRequest): boolean {
  const { searchParams, pathname } = request.nextUrl;
  return (request.headers.get("accept") ?? "").includes("text/html") && !searchParams.has("_rsc") && !pathname.endsWith(".rsc");
}

function withIdentity(res: NextResponse, identity: RequestIdentity): NextResponse {
  if (identity.setCookie) res.headers.append("Set-Cookie", identity.setCookie);
  return res;
}

function rewrite(request: NextRequest, pathname: string, init?: { status: number }): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return NextResponse.rewrite(url, init);
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Shapes Next would answer with a 500 before any app code runs (lib/routing/request-shape.ts).
  if (hasMalformedEscape(pathname)) return new NextResponse("Bad request: the address has a malformed %-escape.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const refusal = serverActionRefusal(request.method, request.headers, pathname, isStudioAction);
  if (refusal) return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status });
  // API routes pass through only for the checks above; each handler authorizes itself, and
  // next.config's headers give them a policy that lets nothing run.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  // Documents rendered per request get a nonce policy; shared renders carry their own hashes.
  return withContentSecurityPolicy(request, await route(request));
}

// Page navigations get the friendly 404 page; anything else (flight/RSC fetches, scripts) a bare
// 404 — a rewritten flight request would be answered with Next's cache-busting redirect.
function notFound(request: NextRequest): NextResponse {
  if (!wantsHtmlPage(request)) return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { status: 404 });
}

async function route(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;

  if (isInternalPath(pathname)) return notFound(request);

  // Old WordPress URLs (from an import) answer a permanent redirect from an in-memory table.
  const legacy = legacyRedirect(request.nextUrl);
  if (legacy) return NextResponse.redirect(new URL(legacy, request.url), 301);

  const slug = matchArticlePath(pathname);
  // A slug that names no piece is answered here: a render would cost a cache entry per tier.
  if (slug !== null && !mayBeArticle(slug)) return notFound(request);
  if (slug !== null) {
    const identity = await resolveRequestIdentity(request);
    const res = rewrite(request, `/t/${identity.tier}/articles/${slug}`);
    // The body depends on the reader's tier: no shared cache may key it on the URL alone.
    // The nginx edge (deploy/nginx) caches it per tier instead, from the tier cookie set here.
    res.headers.set("Cache-Control", "private, no-store");
    return withEdgeTier(withIdentity(res, identity), request, identity);
  }
  if (pathname.startsWith("/en/articles/")) {
    return NextResponse.redirect(new URL(pathname.slice(3), request.url), 308);
  }

  if (pathname === "/studio" || pathname.startsWith("/studio/")) {
    const identity = await resolveRequestIdentity(request);
    if (identity.role !== "editor" && identity.role !== "admin") {
      // A write (server action, form post) from a non-editor is refused outright; a page visit is
      // sent to sign in. The studio re-checks every action on the server either way.
      if (request.method !== "GET" && request.method !== "HEAD") {
        return withIdentity(NextResponse.json({ error: { code: "forbidden:studio", message: "Editors only." } }, { status: 403 }), identity);
      }
      const url = new URL("/signin", request.url);
      url.searchParams.set("callbackUrl", pathname);
      return withIdentity(NextResponse.redirect(url, 307), identity);
    }
    return withIdentity(NextResponse.next(), identity);
  }

  // Searches spend from the reader's per-IP budget here, so a refused one is a real 429.
  const searchGate = await gateSearchRequest(request);
  if (searchGate) return searchGate;

  const route = localeRoute(pathname);
  if (route.kind === "redirect") {
    const url = request.nextUrl.clone();
    url.pathname = route.to;
    return NextResponse.redirect(url, 308);
  }
  if (route.kind === "rewrite") return rewrite(request, route.to, route.known ? undefined : { status: 404 });
  if (!route.known) return NextResponse.rewrite(request.nextUrl, { status: 404 });
  return NextResponse.next();
}

export const config = {
  // Everything except Next's own assets and public files (API routes only for the shape checks).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|images/|robots\\.txt|sitemap\\.xml|feed\\.xml).*)"],
};
