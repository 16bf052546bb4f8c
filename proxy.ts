import { NextResponse, type NextRequest } from "next/server";
import { isInternalPath, localeRoute, matchArticlePath } from "@/lib/routing/paths";

// Next 16 runs this file (formerly middleware.ts) on Node before every matched request.
// It maps the request to the reader's tier and rewrites to the shared per-tier render. It never
// touches the database: it is the fast path, and pages re-check access on the server.

const NOT_FOUND_PATH = "/ko/__not-found";

function wantsHtmlPage(request: NextRequest): boolean {
  const { searchParams, pathname } = request.nextUrl;
  return (request.headers.get("accept") ?? "").includes("text/html") && !searchParams.has("_rsc") && !pathname.endsWith(".rsc");
}

function resolveRequestTier(): string {
  // Sign-in arrives with the members issue; until then every reader is anonymous.
  return "anon";
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  if (isInternalPath(pathname)) {
    // Page navigations get the friendly 404 page; anything else (flight/RSC fetches, scripts) a
    // bare 404 — a rewritten flight request would be answered with Next's cache-busting redirect.
    if (!wantsHtmlPage(request)) return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { status: 404 });
  }

  const slug = matchArticlePath(pathname);
  if (slug !== null) {
    const url = request.nextUrl.clone();
    url.pathname = `/t/${resolveRequestTier()}/articles/${slug}`;
    const res = NextResponse.rewrite(url);
    // The body depends on the reader's tier: no shared cache may key it on the URL alone.
    res.headers.set("Cache-Control", "private, no-store");
    return res;
  }
  if (pathname.startsWith("/en/articles/")) {
    return NextResponse.redirect(new URL(pathname.slice(3), request.url), 308);
  }

  const route = localeRoute(pathname);
  if (route.kind === "redirect") {
    const url = request.nextUrl.clone();
    url.pathname = route.to;
    return NextResponse.redirect(url, 308);
  }
  if (route.kind === "rewrite") {
    const url = request.nextUrl.clone();
    url.pathname = route.to;
    return NextResponse.rewrite(url, route.known ? undefined : { status: 404 });
  }
  if (!route.known) return NextResponse.rewrite(request.nextUrl, { status: 404 });
  return NextResponse.next();
}

export const config = {
  // Everything except Next's own assets, API routes and files with an extension in public/.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|images/|robots\\.txt|sitemap\\.xml|feed\\.xml).*)"],
};
