import { describe, expect, it } from "vitest";
import { accessEndingSoon, newsletterVariant, type NetworkGrant, type NetworkTier } from "@/lib/access";

const A = 1;
const B = 2;
const at = (iso: string) => new Date(iso);
const TIERS: NetworkTier[] = [
  { slug: "free", rank: 0, canComment: false, publicationId: A, includes: [] },
  { slug: "supporter", rank: 1, canComment: false, publicationId: A, includes: [] },
  { slug: "premium", rank: 2, canComment: true, publicationId: A, includes: [{ publicationId: B, slug: "premium" }] },
  { slug: "free", rank: 0, canComment: false, publicationId: B, includes: [] },
  { slug: "premium", rank: 1, canComment: true, publicationId: B, includes: [] },
];
const grant = (publicationId: number, tierSlug: string, startsAt: string, endsAt: string | null): NetworkGrant => ({
  publicationId,
  tierSlug,
  startsAt: at(startsAt),
  endsAt: endsAt ? at(endsAt) : null,
  revokedAt: null,
  source: "comp",
});
const NOW = at("2026-12-05T00:00:00Z");

describe("the newsletter copy follows the web's access rule", () => {
  const premiumPiece = { access: "premium", unlockAt: null };
  it("public pieces go whole to everyone", () => {
    expect(newsletterVariant({ access: "public", unlockAt: null }, { grants: [], tiers: TIERS, publicationId: A, now: NOW })).toBe("full");
  });
  it("members-only pieces go whole to every member (a recipient is signed in)", () => {
    expect(newsletterVariant({ access: "free", unlockAt: null }, { grants: [], tiers: TIERS, publicationId: A, now: NOW })).toBe("full");
  });
  it("a gated piece: full for the tier and above, teaser below", () => {
    const input = (grants: NetworkGrant[]) => ({ grants, tiers: TIERS, publicationId: A, now: NOW });
    expect(newsletterVariant(premiumPiece, input([grant(A, "premium", "2026-12-01T00:00:00Z", null)]))).toBe("full");
    expect(newsletterVariant(premiumPiece, input([grant(A, "supporter", "2026-12-01T00:00:00Z", null)]))).toBe("teaser");
    expect(newsletterVariant(premiumPiece, input([]))).toBe("teaser");
    // At send time: a grant that ended yesterday reads the teaser.
    expect(newsletterVariant(premiumPiece, input([grant(A, "premium", "2026-11-01T00:00:00Z", "2026-12-04T00:00:00Z")]))).toBe("teaser");
  });
  it("bundles count: A's premium reads B's premium piece whole; B's premium does not read A's", () => {
    expect(newsletterVariant(premiumPiece, { grants: [grant(A, "premium", "2026-12-01T00:00:00Z", null)], tiers: TIERS, publicationId: B, now: NOW })).toBe(
      "full",
    );
    expect(newsletterVariant(premiumPiece, { grants: [grant(B, "premium", "2026-12-01T00:00:00Z", null)], tiers: TIERS, publicationId: A, now: NOW })).toBe(
      "teaser",
    );
  });
  it("a piece past its unlock instant is whole for everyone", () => {
    expect(newsletterVariant({ access: "premium", unlockAt: at("2026-12-04T00:00:00Z") }, { grants: [], tiers: TIERS, publicationId: A, now: NOW })).toBe(
      "full",
    );
  });
});

describe("'your access ends on …' is due three days ahead, once the access really ends", () => {
  const ending = (grants: NetworkGrant[], publicationId = A) => accessEndingSoon({ grants, tiers: TIERS, publicationId, now: NOW });
  it("a grant ending within three days, followed by free", () => {
    expect(ending([grant(A, "premium", "2026-11-01T00:00:00Z", "2026-12-07T00:00:00Z")])).toMatchObject({
      tier: { slug: "premium" },
      endsAt: at("2026-12-07T00:00:00Z"),
      after: { slug: "free" },
    });
  });
  it("not yet: ending in more than three days", () => {
    expect(ending([grant(A, "premium", "2026-11-01T00:00:00Z", "2026-12-08T00:00:01Z")])).toBeNull();
  });
  it("not when another grant of the same or a higher tier takes over", () => {
    expect(
      ending([grant(A, "premium", "2026-11-01T00:00:00Z", "2026-12-07T00:00:00Z"), grant(A, "premium", "2026-12-07T00:00:00Z", "2027-12-07T00:00:00Z")]),
    ).toBeNull();
    expect(ending([grant(A, "supporter", "2026-11-01T00:00:00Z", "2026-12-07T00:00:00Z"), grant(A, "premium", "2026-12-01T00:00:00Z", null)])).toBeNull();
  });
  it("a step down to a lower paid tier is an ending of the higher one", () => {
    expect(ending([grant(A, "premium", "2026-11-01T00:00:00Z", "2026-12-06T00:00:00Z"), grant(A, "supporter", "2026-11-01T00:00:00Z", null)])).toMatchObject({
      tier: { slug: "premium" },
      after: { slug: "supporter" },
    });
  });
  it("never for lifetime access, nor for a renewing grant passed without an end", () => {
    expect(ending([grant(A, "premium", "2026-11-01T00:00:00Z", null)])).toBeNull();
    expect(ending([])).toBeNull();
  });
});
