import { describe, expect, it } from "vitest";
import { DEMO_INTENT_TTL_SEC, deriveIntentKey, newDemoIntent, signDemoIntent, verifyDemoIntent } from "@/lib/billing/demo/intent";

// The demo checkout's intent is the only thing the demo page and its "Pay" trust: it must not be
// editable into another member, tier or price, nor usable after it expires.

const key = deriveIntentKey("whsec_unit_test");
const now = new Date("2026-10-01T00:00:00Z");
const intent = newDemoIntent({ memberId: 42, publicationId: 1, tier: "premium", interval: "yearly" }, now);
const token = signDemoIntent(intent, key);
const [body, sig] = token.split(".");
const reencode = (patch: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...intent, ...patch })).toString("base64url");

describe("demo checkout intent", () => {
  it("round-trips and names the member, tier and interval", () => {
    expect(verifyDemoIntent(token, key, now)).toEqual({ ok: true, intent });
    expect(intent.nonce).toMatch(/^[a-f0-9]{20}$/);
  });

  it.each([
    ["another member", `${reencode({ memberId: 43 })}.${sig}`, "signature"],
    ["another tier", `${reencode({ tier: "supporter" })}.${sig}`, "signature"],
    ["a later expiry", `${reencode({ expiresAt: intent.expiresAt + 3600 })}.${sig}`, "signature"],
    ["a truncated signature", `${body}.${sig.slice(0, -2)}`, "signature"],
    ["no signature", body, "malformed"],
    ["an extra part", `${token}.x`, "malformed"],
    ["garbage", "not-a-token", "malformed"],
  ])("refuses a token with %s", (_label, forged, reason) => {
    expect(verifyDemoIntent(forged, key, now)).toEqual({ ok: false, reason });
  });

  it("refuses a token signed with another key", () => {
    expect(verifyDemoIntent(token, deriveIntentKey("whsec_other"), now)).toEqual({ ok: false, reason: "signature" });
  });

  it.each([
    [DEMO_INTENT_TTL_SEC * 1000 - 1, true],
    [DEMO_INTENT_TTL_SEC * 1000, false],
  ])("at now + %i ms it is valid: %s", (ms, valid) => {
    expect(verifyDemoIntent(token, key, new Date(now.getTime() + ms)).ok).toBe(valid);
  });

  it("is a different key from the webhook secret itself", () => {
    expect(key.toString("utf8")).not.toContain("whsec_unit_test");
    expect(key).toHaveLength(32);
  });
});
