import { describe, expect, it } from "vitest";
import {
  grantsCountingIn,
  isStaffAnywhere,
  orphanedByLeaving,
  publicationsWithGrants,
  resolvePublicationAccess,
  roleAllows,
  staffRoleIn,
  type NetworkGrant,
  type NetworkTier,
} from "@/lib/access";

const A = 1;
const B = 2;
const C = 3;
const at = (iso: string) => new Date(iso);
// A's premium includes B's premium; B's premium includes C's premium (inclusion is not transitive).
const TIERS: NetworkTier[] = [
  { slug: "free", rank: 0, canComment: false, publicationId: A, includes: [] },
  { slug: "premium", rank: 2, canComment: true, publicationId: A, includes: [{ publicationId: B, slug: "premium" }] },
  { slug: "free", rank: 0, canComment: false, publicationId: B, includes: [] },
  { slug: "premium", rank: 1, canComment: true, publicationId: B, includes: [{ publicationId: C, slug: "premium" }] },
  { slug: "premium", rank: 1, canComment: false, publicationId: C, includes: [] },
];
const grant = (publicationId: number, tierSlug: string, startsAt: string, endsAt: string | null, revokedAt: string | null = null): NetworkGrant => ({
  publicationId,
  tierSlug,
  startsAt: at(startsAt),
  endsAt: endsAt ? at(endsAt) : null,
  revokedAt: revokedAt ? at(revokedAt) : null,
  source: "comp",
});
const access = (grants: NetworkGrant[], publicationId: number, now: string) =>
  resolvePublicationAccess({ grants, tiers: TIERS, publicationId, now: at(now), signedIn: true });

describe("bundles: access in one publication from another's tier", () => {
  const aPremium = grant(A, "premium", "2026-12-01T00:00:00Z", "2026-12-10T00:00:00Z");

  it("a grant in B does not unlock A", () => {
    expect(access([grant(B, "premium", "2026-12-01T00:00:00Z", null)], A, "2026-12-05T00:00:00Z").tier.slug).toBe("free");
  });

  it("A's premium unlocks B's premium, and ends when A's grant ends", () => {
    expect(access([aPremium], B, "2026-12-05T00:00:00Z")).toMatchObject({ tier: { slug: "premium" }, until: at("2026-12-10T00:00:00Z") });
    expect(access([aPremium], B, "2026-12-10T00:00:00Z").tier.slug).toBe("free");
  });

  it("a revoked A grant unlocks nothing in B from its revocation on", () => {
    const revoked = grant(A, "premium", "2026-12-01T00:00:00Z", "2026-12-10T00:00:00Z", "2026-12-04T00:00:00Z");
    expect(access([revoked], B, "2026-12-03T23:59:59Z").tier.slug).toBe("premium");
    expect(access([revoked], B, "2026-12-04T00:00:00Z").tier.slug).toBe("free");
  });

  it("is not transitive: A's premium does not reach C through B", () => {
    expect(access([aPremium], C, "2026-12-05T00:00:00Z").tier.slug).toBe("free");
    expect(access([grant(B, "premium", "2026-12-01T00:00:00Z", null)], C, "2026-12-05T00:00:00Z").tier.slug).toBe("premium");
  });

  it("the best of own and bundled grants wins, in the publication's own ranks", () => {
    const own = grant(B, "premium", "2026-12-08T00:00:00Z", "2026-12-20T00:00:00Z");
    expect(access([aPremium, own], B, "2026-12-09T00:00:00Z")).toMatchObject({ tier: { slug: "premium" }, until: at("2026-12-20T00:00:00Z") });
    expect(grantsCountingIn([aPremium, own], TIERS, B).map((g) => g.tierSlug)).toEqual(["premium", "premium"]);
  });

  it("names every publication where grants may count", () => {
    expect(publicationsWithGrants([aPremium], TIERS).sort()).toEqual([A, B]);
    expect(publicationsWithGrants([], TIERS)).toEqual([]);
  });
});

describe("studio roles per publication", () => {
  it("a publication editor edits only there; network roles apply everywhere", () => {
    const staff = [{ publicationId: A, role: "editor" as const }];
    expect(staffRoleIn("reader", staff, A)).toBe("editor");
    expect(staffRoleIn("reader", staff, B)).toBeNull();
    expect(staffRoleIn("admin", [], B)).toBe("admin");
    expect(staffRoleIn("editor", [], B)).toBe("editor");
    expect(staffRoleIn("editor", [{ publicationId: B, role: "admin" }], B)).toBe("admin");
  });

  it("admins may do what editors may, not the reverse; staff of any publication pass the studio gate", () => {
    expect(roleAllows("admin", "editor")).toBe(true);
    expect(roleAllows("editor", "admin")).toBe(false);
    expect(roleAllows(null, "editor")).toBe(false);
    expect(isStaffAnywhere("reader", [{ publicationId: B, role: "editor" }])).toBe(true);
    expect(isStaffAnywhere("reader", [])).toBe(false);
  });
});

describe("a leaving member must not orphan the network or a publication", () => {
  const seat = (publicationId: number, otherAdmins: number) => ({ publicationId, otherAdmins });
  it.each([
    ["a reader", { networkRole: "reader", otherNetworkAdmins: 0, staffAdminOf: [] }, { network: false, publicationIds: [] }],
    [
      "the only admin of A; B has another",
      { networkRole: "reader", otherNetworkAdmins: 0, staffAdminOf: [seat(A, 0), seat(B, 1)] },
      { network: false, publicationIds: [A] },
    ],
    [
      "the only admin of A, a network admin exists",
      { networkRole: "editor", otherNetworkAdmins: 1, staffAdminOf: [seat(A, 0)] },
      { network: false, publicationIds: [] },
    ],
    ["the only network admin", { networkRole: "admin", otherNetworkAdmins: 0, staffAdminOf: [] }, { network: true, publicationIds: [] }],
    [
      "the only network admin and A's only admin",
      { networkRole: "admin", otherNetworkAdmins: 0, staffAdminOf: [seat(A, 0)] },
      { network: true, publicationIds: [A] },
    ],
    ["one of two network admins", { networkRole: "admin", otherNetworkAdmins: 1, staffAdminOf: [seat(A, 0)] }, { network: false, publicationIds: [] }],
    ["a network editor, no admin seat", { networkRole: "editor", otherNetworkAdmins: 0, staffAdminOf: [] }, { network: false, publicationIds: [] }],
  ] as const)("%s", (_, cover, expected) => {
    expect(orphanedByLeaving(cover)).toEqual(expected);
  });
});
