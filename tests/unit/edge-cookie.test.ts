import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cookieValues, deriveEdgeKey, edgeSetCookie, needsEdgeCookie, signEdgeValue, verifyEdgeValue } from "@/lib/edge/cookie";

const KEY = "k".repeat(64);
const SESSION = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc.def.ghi";
const NOW = 1_800_000_000;

describe("edge tier cookie", () => {
  it("verifies what it signed, for the same session, until it expires", () => {
    const value = signEdgeValue(KEY, "premium", NOW + 60, SESSION);
    expect(value).toMatch(/^premium\.1800000060\.[A-Za-z0-9_-]{43}$/);
    expect(verifyEdgeValue(KEY, value, SESSION, NOW)).toEqual({ tier: "premium", expires: NOW + 60 });
    expect(verifyEdgeValue(KEY, value, SESSION, NOW + 59)).not.toBeNull();
    expect(verifyEdgeValue(KEY, value, SESSION, NOW + 60)).toBeNull();
  });

  it("is HMAC-SHA256 over tier.expires.session in base64url (the formula nginx's edge.js repeats)", () => {
    const sig = createHmac("sha256", KEY).update(`free.${NOW}.${SESSION}`).digest("base64url");
    expect(signEdgeValue(KEY, "free", NOW, SESSION)).toBe(`free.${NOW}.${sig}`);
  });

  const good = signEdgeValue(KEY, "premium", NOW + 60, SESSION);
  const [, exp, sig] = good.split(".");
  it.each([
    ["another session", good, "other-session"],
    ["another key", signEdgeValue("x".repeat(64), "premium", NOW + 60, SESSION), SESSION],
    ["a raised tier", `vip.${exp}.${sig}`, SESSION],
    ["a pushed-back expiry", `premium.${Number(exp) + 3600}.${sig}`, SESSION],
    ["a truncated signature", `premium.${exp}.${sig.slice(0, -1)}`, SESSION],
    ["an extra part", `${good}.x`, SESSION],
    ["an upper-case tier", `PREMIUM.${exp}.${sig}`, SESSION],
    ["a non-numeric expiry", `premium.1e10.${sig}`, SESSION],
    ["an empty value", "", SESSION],
  ])("rejects %s", (_name, value, session) => {
    expect(verifyEdgeValue(KEY, value, session, NOW)).toBeNull();
  });

  it("refuses to sign something that is not a tier slug", () => {
    expect(() => signEdgeValue(KEY, "pre.mium", NOW, SESSION)).toThrow(/tier slug/);
  });

  it("re-issues when missing, for another tier, or in the second half of its life", () => {
    expect(needsEdgeCookie(null, "free", 60, NOW)).toBe(true);
    expect(needsEdgeCookie({ tier: "premium", expires: NOW + 60 }, "free", 60, NOW)).toBe(true);
    expect(needsEdgeCookie({ tier: "free", expires: NOW + 30 }, "free", 60, NOW)).toBe(false);
    expect(needsEdgeCookie({ tier: "free", expires: NOW + 29 }, "free", 60, NOW)).toBe(true);
  });

  it("derives the default key from AUTH_SECRET like `openssl dgst -sha256 -hmac`", () => {
    expect(deriveEdgeKey("secret")).toBe(createHmac("sha256", "secret").update("masthead-edge-v1").digest("hex"));
    expect(deriveEdgeKey("secret")).not.toBe(deriveEdgeKey("secret2"));
  });

  it("sets an HttpOnly, SameSite=Lax cookie, Secure under https", () => {
    expect(edgeSetCookie("v", 60, false)).toBe("mh_edge=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
    expect(edgeSetCookie("v", 60, true)).toMatch(/; Secure$/);
  });

  it("reads raw cookie values by exact name, all of them", () => {
    const header = "a=1; next-auth.session-token=abc.def; mh_edge=x.1.y;next-auth.session-token.0=zz; mh_edge=dup";
    expect(cookieValues(header, "next-auth.session-token")).toEqual(["abc.def"]);
    expect(cookieValues(header, "mh_edge")).toEqual(["x.1.y", "dup"]);
    expect(cookieValues(null, "mh_edge")).toEqual([]);
  });
});
