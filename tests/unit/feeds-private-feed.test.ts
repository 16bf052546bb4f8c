import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { resolveEffectiveAccess, type GrantLike } from "@/lib/access";
import { buildPrivateFeed } from "@/lib/feeds/private-feed";
import { toFeedEntry } from "@/lib/seo/feed-entries";
import { BASE, feedPiece, GATED_TEXT, NOW, TIERS } from "./seo-fixtures";

const TOKEN = "A".repeat(43);
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const premiumGrant = (over: Partial<GrantLike> = {}): GrantLike => ({ tierSlug: "premium", startsAt: at(-DAY), endsAt: at(DAY), revokedAt: null, ...over });

// What one fetch of the private feed decides: the member's tier at `now` from their grants, then
// each piece cut for that tier (the route does exactly this with data from the database).
function fetchFeed(grants: GrantLike[], now: Date, pieces = [feedPiece()]) {
  const { tier } = resolveEffectiveAccess({ grants, tiers: TIERS, now, signedIn: true });
  const entries = pieces.map((p) => toFeedEntry(p, TIERS, now, tier));
  return { tier, xml: buildPrivateFeed({ base: BASE, siteName: "Masthead", token: TOKEN, lang: "ko", entries }) };
}

describe("private feed access, decided at every fetch", () => {
  it.each([
    ["an active premium grant", [premiumGrant()], NOW, true],
    ["one ms before the grant ends", [premiumGrant()], at(DAY - 1), true],
    ["the instant the grant ends", [premiumGrant()], at(DAY), false],
    ["after the grant ends", [premiumGrant()], at(DAY + 1), false],
    ["a grant revoked a moment ago", [premiumGrant({ revokedAt: at(-1) })], NOW, false],
    ["a grant that starts later", [premiumGrant({ startsAt: at(1) })], NOW, false],
    ["a supporter grant (below the piece's tier)", [premiumGrant({ tierSlug: "supporter" })], NOW, false],
    ["no grant at all", [], NOW, false],
  ] as const)("%s → full text: %s", (_label, grants, now, full) => {
    const { xml } = fetchFeed([...grants], now);
    expect(xml.includes(GATED_TEXT)).toBe(full);
    // The teaser is always there.
    expect(xml).toContain("첫 문단은 모두가 읽는다.");
  });

  it("gives a lapsed member what a free member may read: members-only pieces stay full", () => {
    const membersOnly = feedPiece({ slug: "members-only", access: "free" });
    const { tier, xml } = fetchFeed([premiumGrant({ endsAt: at(-1) })], NOW, [feedPiece(), membersOnly]);
    expect(tier.slug).toBe("free");
    const items = new XMLParser().parse(xml).rss.channel.item as { link: string; "content:encoded": string }[];
    expect(items.find((i) => i.link.endsWith("/members-only"))?.["content:encoded"]).toContain(GATED_TEXT);
    expect(items.find((i) => i.link.endsWith("/fiscal-rule"))?.["content:encoded"]).not.toContain(GATED_TEXT);
  });

  it("does not offer the continue-reading link on pieces the member can read", () => {
    const { xml } = fetchFeed([premiumGrant()], NOW);
    expect(xml).not.toContain("이어 읽기");
    expect(fetchFeed([], NOW).xml).toContain("이어 읽기");
  });
});

describe("buildPrivateFeed", () => {
  it("is well-formed RSS naming itself by its private URL, in the asked language", () => {
    const entries = [toFeedEntry(feedPiece(), TIERS, NOW, TIERS[2])];
    const ko = buildPrivateFeed({ base: BASE, siteName: "Masthead", token: TOKEN, lang: "ko", entries });
    expect(XMLValidator.validate(ko)).toBe(true);
    const channel = new XMLParser({ ignoreAttributes: false }).parse(ko).rss.channel;
    expect(channel["atom:link"]["@_href"]).toBe(`${BASE}/api/feeds/private/${TOKEN}.xml`);
    expect(channel.language).toBe("ko");
    const en = new XMLParser({ ignoreAttributes: false }).parse(buildPrivateFeed({ base: BASE, siteName: "Masthead", token: TOKEN, lang: "en", entries })).rss
      .channel;
    expect(en.language).toBe("en");
    expect(en["atom:link"]["@_href"]).toBe(`${BASE}/api/feeds/private/${TOKEN}.xml?lang=en`);
    expect(en.title).not.toBe(channel.title);
  });

  it("is byte-identical for identical inputs (so the ETag is stable and 304s work)", () => {
    const entries = [toFeedEntry(feedPiece(), TIERS, NOW, TIERS[2])];
    expect(buildPrivateFeed({ base: BASE, siteName: "Masthead", token: TOKEN, lang: "ko", entries })).toBe(
      buildPrivateFeed({ base: BASE, siteName: "Masthead", token: TOKEN, lang: "ko", entries }),
    );
  });
});
