import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cookieValues, deriveEdgeKey, edgeSetCookie, needsEdgeCookie, signEdgeValue, verifyEdgeValue } from "@/lib/edge/cookie";

const KEY = "k".repeat(64);
const SESSION = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc.def.ghi";
const NOW = 1_800_000_000;
const MAIN = { publication: "main", session: SESSION };
const DATA = { publication: "data", session: SESSION };

describe("edge tier cookie", () => {
  it("verifies what it signed, for the same publication and session, until it expires", () => {
    const value = signEdgeValue(KEY, MAIN, "premium", NOW + 60);
    expect(value).toMatch(/^main\.premium\.1800000060\.[A-Za-z0-9_-]{22}$/);
    expect(verifyEdgeValue(KEY, value, MAIN, NOW)).toEqual({ tier: "premium", expires: NOW + 60 });
    expect(verifyEdgeValue(KEY, value, MAIN, NOW + 59)).not.toBeNull();
    expect(verifyEdgeValue(KEY, value, MAIN, NOW + 60)).toBeNull();
  });

  it("is MD5 over key, publication.tier.expires.session, key in base64url (the formula nginx's secure_link_md5 repeats)", () => {
    const sig = createHash("md5").update(`${KEY}data.free.${NOW}.${SESSION}${KEY}`).digest("base64url");
    expect(signEdgeValue(KEY, DATA, "free", NOW)).toBe(`data.free.${NOW}.${sig}`);
    // The HMAC-SHA256 value of the njs edge (before issue 19) no longer verifies: the reader gets a new one from Node.
    const hmac = createHmac("sha256", KEY)
      .update(`data.free.${NOW + 60}.${SESSION}`)
      .digest("base64url");
    expect(verifyEdgeValue(KEY, `data.free.${NOW + 60}.${hmac}`, DATA, NOW)).toBeNull();
  });

  // A member premium in `data` only, with one session shared by both hosts (SESSION_COOKIE_DOMAIN):
  // the cookie data's host issued must open nothing on the primary's.
  it("is worthless in another publication, even for the same session and whatever its value claims", () => {
    const onData = signEdgeValue(KEY, DATA, "premium", NOW + 60);
    expect(verifyEdgeValue(KEY, onData, DATA, NOW)).toEqual({ tier: "premium", expires: NOW + 60 });
    expect(verifyEdgeValue(KEY, onData, MAIN, NOW)).toBeNull();
    const [, tier, exp, sig] = onData.split(".");
    expect(verifyEdgeValue(KEY, `main.${tier}.${exp}.${sig}`, MAIN, NOW)).toBeNull();
    // A cookie of the format before publications (no publication part) is no longer accepted.
    const legacySig = createHmac("sha256", KEY)
      .update(`premium.${NOW + 60}.${SESSION}`)
      .digest("base64url");
    expect(verifyEdgeValue(KEY, `premium.${NOW + 60}.${legacySig}`, MAIN, NOW)).toBeNull();
  });

  const good = signEdgeValue(KEY, MAIN, "premium", NOW + 60);
  const [, , exp, sig] = good.split(".");
  it.each([
    ["another session", good, { publication: "main", session: "other-session" }],
    ["another key", signEdgeValue("x".repeat(64), MAIN, "premium", NOW + 60), MAIN],
    ["another publication", good, DATA],
    ["a raised tier", `main.vip.${exp}.${sig}`, MAIN],
    ["a pushed-back expiry", `main.premium.${Number(exp) + 3600}.${sig}`, MAIN],
    ["a truncated signature", `main.premium.${exp}.${sig.slice(0, -1)}`, MAIN],
    ["an extra part", `${good}.x`, MAIN],
    ["a missing publication", `premium.${exp}.${sig}`, MAIN],
    ["an upper-case tier", `main.PREMIUM.${exp}.${sig}`, MAIN],
    ["an upper-case publication", `MAIN.premium.${exp}.${sig}`, MAIN],
    ["a non-numeric expiry", `main.premium.1e10.${sig}`, MAIN],
    ["an empty value", "", MAIN],
  ])("rejects %s", (_name, value, binding) => {
    expect(verifyEdgeValue(KEY, value, binding, NOW)).toBeNull();
  });

  it("refuses to sign something that is not a tier or publication slug", () => {
    expect(() => signEdgeValue(KEY, MAIN, "pre.mium", NOW)).toThrow(/tier slug/);
    expect(() => signEdgeValue(KEY, { publication: "da.ta", session: SESSION }, "premium", NOW)).toThrow(/publication slug/);
    expect(() => signEdgeValue(KEY, { publication: "", session: SESSION }, "premium", NOW)).toThrow(/publication slug/);
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

  it("sets a host-only, HttpOnly, SameSite=Lax cookie, Secure under https", () => {
    expect(edgeSetCookie("v", 60, false)).toBe("mh_edge=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
    expect(edgeSetCookie("v", 60, true)).toMatch(/; Secure$/);
    expect(edgeSetCookie("v", 60, true)).not.toMatch(/Domain/i);
  });

  it("reads raw cookie values by exact name, all of them", () => {
    const header = "a=1; next-auth.session-token=abc.def; mh_edge=x.1.y;next-auth.session-token.0=zz; mh_edge=dup";
    expect(cookieValues(header, "next-auth.session-token")).toEqual(["abc.def"]);
    expect(cookieValues(header, "mh_edge")).toEqual(["x.1.y", "dup"]);
    expect(cookieValues(null, "mh_edge")).toEqual([]);
  });
});
