import { NextResponse, type NextRequest } from "next/server";
import { retryWaitingStartsNow } from "@/lib/background/retry";
import { resolveRequestIdentity, type RequestIdentity } from "@/lib/auth/proxy-session";
import { withEdgeTier } from "@/lib/edge/proxy-edge";
import { legacyRedirect } from "@/lib/import/redirects";
import { isStudioAction } from "@/lib/next-internals/server-actions";
import type { PublicationRef } from "@/lib/publications/model";
import { publicationOfRequest, publicationTable } from "@/lib/publications/table";
import { mayBeArticle } from "@/lib/routing/known-articles";
import { isInternalPath, isPreviewLinkPath, localeRoute, matchArticlePath, publicationFileRoute, readerRoot } from "@/lib/routing/paths";
import { hasMalformedEscape, serverActionRefusal } from "@/lib/routing/request-shape";
import { gateSearchRequest } from "@/lib/search/gate";
import { STUDIO_PUBLICATION_COOKIE, studioPublicationOf } from "@/lib/studio/studio-publication";
import { withContentSecurityPolicy } from "@/lib/security/proxy-csp";

// Next 16 runs this file (formerly middleware.ts) on Node before every matched request. It maps
// the request's Host to its publication and the request to the reader's tier there *for this
// instant*, and rewrites to the shared renders: /t/<publication>/<tier>/articles/<slug> for pieces,
// /p/<publication>/<lang>/… for every other reader page. No database access on the steady-state
// path (the publication, piece and redirect tables are in memory): pages, route handlers and
// actions re-check authorization on the server.

const text = (body: string, status: number) => new NextResponse(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

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
  if (hasMalformedEscape(pathname)) return text("Bad request: the address has a malformed %-escape.", 400);
  const refusal = serverActionRefusal(request.method, request.headers, pathname, isStudioAction);
  if (refusal) return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status });
  // API routes pass through only for the checks above; each handler authorizes itself (and finds
  // its publication from the Host), and next.config's headers give them a policy that lets nothing run.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  // One-click unsubscribe links (RFC 8058): a route handler that checks its signed token itself and
  // answers its own small document (lib/email/unsubscribe-page.ts).
  if (pathname.startsWith("/email/unsubscribe/")) return NextResponse.next();
  // Draft preview links: the same, for someone without an account (app/preview/[token]/route.ts).
  if (isPreviewLinkPath(pathname)) return NextResponse.next();
  // Until the publication table has loaded (the database was down at start) no host can be mapped.
  const pub = publicationOfRequest(request);
  if (!pub) {
    // The table's loader may be waiting out a backoff: try it now (at most once a second).
    void retryWaitingStartsNow();
    return text("Service unavailable: the site is starting. Try again in a moment.", 503);
  }
  // Documents rendered per request get a nonce policy; shared renders carry their own hashes.
  return withContentSecurityPolicy(request, await route(request, pub));
}

// Page navigations get the friendly 404 page; anything else (flight/RSC fetches, scripts) a bare
// 404 — a rewritten flight request would be answered with Next's cache-busting redirect.
function notFound(request: NextRequest, pub: PublicationRef): NextResponse {
  if (!wantsHtmlPage(request)) return text("Not found", 404);
  return NextResponse.rewrite(new URL(`${readerRoot(pub.slug, "ko")}/__not-found`, request.url), { status: 404 });
}

async function route(request: NextRequest, pub: PublicationRef): Promise<NextResponse> {
  const { pathname } = request.nextUrl;

  if (isInternalPath(pathname)) return notFound(request, pub);

  // Old WordPress URLs of this publication (from an import) answer a permanent redirect from an
  // in-memory table.
  const legacy = legacyRedirect(pub.id, request.nextUrl);
  if (legacy) return NextResponse.redirect(new URL(legacy, request.url), 301);

  const slug = matchArticlePath(pathname);
  if (slug !== null) {
    // A slug that names no piece here is answered now: a render would cost a cache entry per tier.
    if (!mayBeArticle(pub.id, slug)) return notFound(request, pub);
    const identity = await resolveRequestIdentity(request, pub.id);
    const res = rewrite(request, `/t/${pub.slug}/${identity.tier}/articles/${slug}`);
    // The body depends on the reader's tier: no shared cache may key it on the URL alone.
    // The nginx edge (deploy/nginx) caches it per tier instead, from the tier cookie set here.
    res.headers.set("Cache-Control", "private, no-store");
    return withEdgeTier(withIdentity(res, identity), request, identity, pub.slug);
  }
  if (pathname.startsWith("/en/articles/")) {
    return NextResponse.redirect(new URL(pathname.slice(3), request.url), 308);
  }

  if (pathname === "/studio" || pathname.startsWith("/studio/")) {
    // The studio works on the publication its switcher chose, else the Host's.
    const table = publicationTable();
    const studioPub = table ? studioPublicationOf(table, request.headers.get("host"), request.cookies.get(STUDIO_PUBLICATION_COOKIE)?.value) : pub;
    const identity = await resolveRequestIdentity(request, studioPub.id);
    // Optimistic: staff of any publication get in (the studio chooses the publication); every
    // studio page and action re-checks the role in the publication it works on.
    if (!identity.staffAnywhere) {
      // A write (server action, form post) from a non-editor is refused outright; a page visit is
      // sent to sign in. The studio re-checks every action on the server either way.
      if (request.method !== "GET" && request.method !== "HEAD") {
        return withIdentity(NextResponse.json({ error: { code: "forbidden:studio", message: "Editors only." } }, { status: 403 }), identity);
      }
      const url = new URL("/signin", request.url);
      url.searchParams.set("callbackUrl", pathname);
      return withIdentity(NextResponse.redirect(url, 307), identity);
    }
    // Staff of other publications only: the page shows the switcher, with a 403 status. Writes go
    // on to their actions, which refuse with 403 themselves (the switcher's own post must pass).
    if (identity.staffRole === null && (request.method === "GET" || request.method === "HEAD")) {
      return withIdentity(NextResponse.rewrite(request.nextUrl, { status: 403 }), identity);
    }
    return withIdentity(NextResponse.next(), identity);
  }

  const file = publicationFileRoute(pathname, pub.slug);
  if (file) return rewrite(request, file);

  const locale = localeRoute(pathname, pub.slug);
  if (locale.kind === "redirect") {
    const url = request.nextUrl.clone();
    url.pathname = locale.to;
    return NextResponse.redirect(url, 308);
  }
  // Searches spend from the reader's per-IP budget here, so a refused one is a real 429.
  const searchGate = await gateSearchRequest(request, locale.to);
  if (searchGate) return searchGate;
  return rewrite(request, locale.to, locale.known ? undefined : { status: 404 });
}

export const config = {
  // Everything except Next's own assets and public files (API routes only for the shape checks).
  // Static files are served as they are: no publication, session or CSP work for fonts and images.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|images/|fonts/).*)"],
};
