import { NextRequest, NextResponse } from "next/server";
import type { RequestIdentity } from "@/lib/auth/proxy-session";
import { beforeAll, describe, expect, it } from "vitest";
import { signEdgeValue, verifyEdgeValue } from "@/lib/edge/cookie";
import { withEdgeTier } from "@/lib/edge/proxy-edge";

const KEY = "edge-test-key-0123456789abcdef0123456789";
const NOW = 1_800_000_000_000;
const SESSION = "session-jwe-value";
const MAIN = { publication: "main", session: SESSION };
const DATA = { publication: "data", session: SESSION };
beforeAll(() => {
  process.env.EDGE_SECRET = KEY;
});

const premium: RequestIdentity = { tier: "premium", role: "reader", staffRole: null, staffAnywhere: false, setCookie: null, until: null };
function respond(headers: Record<string, string>, identity: RequestIdentity = premium, publication = "main") {
  const req = new NextRequest("http://localhost:3000/articles/x", { headers });
  return withEdgeTier(NextResponse.next(), req, identity, publication, NOW);
}
const edgeCookies = (res: NextResponse) => res.headers.getSetCookie().filter((c) => c.startsWith("mh_edge="));
const valueOf = (cookie: string) => cookie.slice("mh_edge=".length, cookie.indexOf(";"));

describe("the proxy's edge tier cookie", () => {
  it("leaves requests that did not come through the edge untouched", () => {
    const res = respond({ cookie: `next-auth.session-token=${SESSION}` });
    expect(res.headers.get("x-masthead-tier")).toBeNull();
    expect(res.headers.get("x-masthead-publication")).toBeNull();
    expect(edgeCookies(res)).toEqual([]);
  });

  it("in cookie mode, names the rendered tier and publication and issues a cookie bound to both the session and the publication", () => {
    const res = respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}` });
    expect(res.headers.get("x-masthead-tier")).toBe("premium");
    expect(res.headers.get("x-masthead-publication")).toBe("main");
    const value = valueOf(edgeCookies(res)[0]);
    expect(verifyEdgeValue(KEY, value, MAIN, NOW / 1000)).toEqual({ tier: "premium", expires: NOW / 1000 + 60 });
    expect(verifyEdgeValue(KEY, value, { publication: "main", session: "another-session" }, NOW / 1000)).toBeNull();
    expect(verifyEdgeValue(KEY, value, DATA, NOW / 1000)).toBeNull();
  });

  it("does not re-issue a valid cookie in its first half-life, and replaces one for another tier", () => {
    const fresh = signEdgeValue(KEY, MAIN, "premium", NOW / 1000 + 50);
    expect(edgeCookies(respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}; mh_edge=${fresh}` }))).toEqual([]);
    const other = signEdgeValue(KEY, MAIN, "free", NOW / 1000 + 50);
    expect(edgeCookies(respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}; mh_edge=${other}` }))[0]).toMatch(
      /^mh_edge=main\.premium\./,
    );
  });

  it("replaces a cookie another publication's host issued (a shared session) with one for this publication", () => {
    // Premium in data; here (the primary) the same session is a free reader.
    const fromData = signEdgeValue(KEY, DATA, "premium", NOW / 1000 + 50);
    const free = { ...premium, tier: "free" };
    const res = respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}; mh_edge=${fromData}` }, free, "main");
    expect(res.headers.get("x-masthead-tier")).toBe("free");
    const [cookie] = edgeCookies(res);
    expect(cookie).toMatch(/^mh_edge=main\.free\./);
    expect(verifyEdgeValue(KEY, valueOf(cookie), MAIN, NOW / 1000)).toEqual({ tier: "free", expires: NOW / 1000 + 60 });
    // Even a cookie naming the same tier is replaced when it was issued in another publication.
    const sameTier = signEdgeValue(KEY, DATA, "free", NOW / 1000 + 50);
    expect(edgeCookies(respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}; mh_edge=${sameTier}` }, free, "main"))[0]).toMatch(
      /^mh_edge=main\.free\./,
    );
    // And back on data's host, data's own cookie is still good: nothing to issue.
    expect(edgeCookies(respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}; mh_edge=${fromData}` }, premium, "data"))).toEqual(
      [],
    );
  });

  it("issues nothing in auth_request mode, without a session, or while the session is re-minted", () => {
    const auth = respond({ "x-masthead-edge": "auth", cookie: `next-auth.session-token=${SESSION}` }, premium, "data");
    expect(auth.headers.get("x-masthead-tier")).toBe("premium");
    expect(auth.headers.get("x-masthead-publication")).toBe("data");
    expect(edgeCookies(auth)).toEqual([]);
    expect(
      edgeCookies(
        respond({ "x-masthead-edge": "cookie" }, { tier: "anon", role: "anon", staffRole: null, staffAnywhere: false, setCookie: null, until: null }),
      ),
    ).toEqual([]);
    expect(
      edgeCookies(
        respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}` }, { ...premium, setCookie: "next-auth.session-token=new" }),
      ),
    ).toEqual([]);
  });

  it("never marks a data prefetch (answered `{}` by Next) as the tier's render", () => {
    const res = respond({ "x-masthead-edge": "cookie", "x-middleware-prefetch": "1", cookie: `next-auth.session-token=${SESSION}` });
    expect(res.headers.get("x-masthead-tier")).toBeNull();
    expect(res.headers.get("x-masthead-publication")).toBeNull();
    expect(edgeCookies(res)).toEqual([]);
  });

  it("never vouches for the tier past the instant the session's access changes", () => {
    const endsIn20s = { ...premium, until: NOW + 20_000 };
    const res = respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}` }, endsIn20s);
    const [cookie] = edgeCookies(res);
    const value = valueOf(cookie);
    expect(verifyEdgeValue(KEY, value, MAIN, NOW / 1000)).toEqual({ tier: "premium", expires: NOW / 1000 + 20 });
    expect(cookie).toContain("Max-Age=20;");
    expect(verifyEdgeValue(KEY, value, MAIN, NOW / 1000 + 20)).toBeNull();
    // That capped cookie is not re-issued on every request of its short life.
    expect(edgeCookies(respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}; mh_edge=${value}` }, endsIn20s))).toEqual([]);
    // Nothing is issued for a tier that ends now.
    expect(edgeCookies(respond({ "x-masthead-edge": "cookie", cookie: `next-auth.session-token=${SESSION}` }, { ...premium, until: NOW + 500 }))).toEqual([]);
  });
});
