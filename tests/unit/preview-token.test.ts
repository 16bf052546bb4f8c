import { describe, expect, it } from "vitest";
import { PREVIEW_LINK_TTL_MS, isCurrentGeneration, signPreviewToken, verifyPreviewToken } from "@/lib/preview/preview-token";

const key = "k".repeat(64);
const issued = new Date("2026-12-01T00:00:00Z");
const claim = { articleId: 42, publicationId: 3, generation: 0 };
const token = signPreviewToken(key, claim, issued);
const expiresAt = new Date(Math.floor((issued.getTime() + PREVIEW_LINK_TTL_MS) / 1000) * 1000);

describe("preview tokens", () => {
  it("verify to the piece, publication and generation they were signed for", () => {
    expect(verifyPreviewToken(key, token, issued)).toEqual({ ...claim, expiresAt });
  });
  it.each([
    ["one ms before the expiry", new Date(expiresAt.getTime() - 1), "ok"],
    ["at the expiry", expiresAt, "expired"],
    ["a day after", new Date(expiresAt.getTime() + 86_400_000), "expired"],
  ])("%s", (_label, now, want) => {
    const got = verifyPreviewToken(key, token, now);
    expect(typeof got === "string" ? got : "ok").toBe(want);
  });
  it("last seven days", () => {
    expect(PREVIEW_LINK_TTL_MS).toBe(7 * 24 * 3600 * 1000);
  });
  it("refuse another key, and any changed number", () => {
    expect(verifyPreviewToken("other", token, issued)).toBe("forged");
    const [id, pub, gen, exp, mac] = token.split(".");
    expect(verifyPreviewToken(key, [43, pub, gen, exp, mac].join("."), issued)).toBe("forged");
    expect(verifyPreviewToken(key, [id, 4, gen, exp, mac].join("."), issued)).toBe("forged");
    expect(verifyPreviewToken(key, [id, pub, 1, exp, mac].join("."), issued)).toBe("forged");
    // Stretching the expiry by hand breaks the signature.
    expect(verifyPreviewToken(key, [id, pub, gen, Number(exp) + 86_400, mac].join("."), issued)).toBe("forged");
  });
  it("call anything else malformed", () => {
    for (const bad of ["", "abc", `${token}.x`, token.slice(0, -1), "0.3.0.1.AAAAAAAAAAAAAAAAAAAAAA", "../etc/passwd"]) {
      expect(verifyPreviewToken(key, bad, issued)).toBe("malformed");
    }
  });
  it("are revoked by a newer generation", () => {
    const v = verifyPreviewToken(key, token, issued);
    if (typeof v === "string") throw new Error(v);
    expect(isCurrentGeneration(v, 0)).toBe(true);
    expect(isCurrentGeneration(v, 1)).toBe(false);
  });
});
