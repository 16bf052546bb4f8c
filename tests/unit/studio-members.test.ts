import { describe, expect, it } from "vitest";
import type { NetworkTier } from "@/lib/access";
import { countMembersByTier, resolveMemberTiers, tierFilter, type MemberGrant } from "@/lib/studio/member-tiers";
import { CSV_BOM, csvCell, csvLine, defuseCell } from "@/lib/studio/members-csv";

const now = new Date("2026-12-06T00:00:00Z");
const DAY = 86_400_000;
const tier = (publicationId: number, slug: string, rank: number, includes: NetworkTier["includes"] = []): NetworkTier => ({
  publicationId,
  slug,
  name: slug.toUpperCase(),
  rank,
  canComment: rank > 1,
  includes,
});
const tiers = [
  tier(1, "free", 0),
  tier(1, "supporter", 1),
  tier(1, "premium", 2),
  tier(2, "free", 0),
  tier(2, "all", 1, [{ publicationId: 1, slug: "premium" }]),
];
let id = 0;
const grant = (memberId: number, publicationId: number, tierSlug: string, startsAt: number, endsAt: number | null, revoked = false): MemberGrant => ({
  id: ++id,
  memberId,
  publicationId,
  tierSlug,
  startsAt: new Date(now.getTime() + startsAt),
  endsAt: endsAt === null ? null : new Date(now.getTime() + endsAt),
  revokedAt: revoked ? now : null,
  source: "comp",
});

describe("member tiers in a publication", () => {
  const grants = [
    grant(1, 1, "premium", -DAY, DAY),
    grant(2, 1, "supporter", -DAY, null),
    grant(2, 1, "premium", -2 * DAY, -DAY), // ended: supporter remains
    grant(3, 1, "premium", -DAY, DAY, true), // revoked: free
    grant(4, 2, "all", -DAY, DAY), // a bundle of another publication counts here as premium
    grant(5, 1, "premium", DAY, 2 * DAY), // not started yet
  ];
  const paid = resolveMemberTiers(grants, tiers, 1, now);

  it("resolves each member's tier as the access rules do, bundles included", () => {
    expect([...paid].sort()).toEqual([
      [1, "premium"],
      [2, "supporter"],
      [4, "premium"],
    ]);
  });

  it("counts every tier, free being everyone else", () => {
    const counts = countMembersByTier(
      10,
      paid,
      tiers.filter((t) => t.publicationId === 1).map((t) => ({ slug: t.slug, rank: t.rank, name: t.slug.toUpperCase() })),
    );
    expect(counts.map((c) => [c.slug, c.count])).toEqual([
      ["free", 7],
      ["supporter", 1],
      ["premium", 2],
    ]);
  });

  it("filters a paid tier to its members and the free tier to everyone not paid", () => {
    expect(tierFilter(paid, "premium", "free")).toEqual({ only: [1, 4] });
    expect(tierFilter(paid, "free", "free")).toEqual({ except: [1, 2, 4] });
    expect(tierFilter(paid, "supporter", "free")).toEqual({ only: [2] });
  });
});

describe("member CSV", () => {
  it.each(['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\t=1"])("defuses the formula %s", (value) => {
    expect(defuseCell(value)).toBe(`'${value}`);
  });
  it("leaves ordinary text alone and quotes commas, quotes and newlines", () => {
    expect(defuseCell("김기자")).toBe("김기자");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe("");
    expect(csvCell(-5)).toBe("-5");
    expect(csvLine(["a@example.com", "=cmd", null])).toBe("a@example.com,'=cmd,\r\n");
  });
  it("starts with a UTF-8 byte order mark for Excel", () => {
    expect(new TextEncoder().encode(CSV_BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
