import { describe, expect, it } from "vitest";
import { membershipOf, relatedTagsToExpire, type RelatedMembership } from "@/lib/articles/related";

const live: RelatedMembership = { live: true, sectionId: 3, tagIds: [7, 9], publishAt: 1_000 };
const now = new Date("2026-12-01T00:00:00Z");

describe("related lists a piece save expires", () => {
  it("none for an edit that leaves the piece's groups and date alone (tag order does not matter)", () => {
    expect(relatedTagsToExpire(live, { ...live, tagIds: [9, 7] })).toEqual([]);
  });

  it("the groups a piece joins when it goes live, and those it leaves when it goes", () => {
    expect(relatedTagsToExpire(null, live).sort()).toEqual(["related:s:3", "related:t:7", "related:t:9"]);
    expect(relatedTagsToExpire({ ...live, live: false }, live).sort()).toEqual(["related:s:3", "related:t:7", "related:t:9"]);
    expect(relatedTagsToExpire(live, null).sort()).toEqual(["related:s:3", "related:t:7", "related:t:9"]);
  });

  it("old and new groups on a move, and its groups when its date (the list order) changes", () => {
    expect(relatedTagsToExpire(live, { ...live, sectionId: 4, tagIds: [7] }).sort()).toEqual(["related:s:3", "related:s:4", "related:t:7", "related:t:9"]);
    expect(relatedTagsToExpire(live, { ...live, publishAt: 2_000 }).sort()).toEqual(["related:s:3", "related:t:7", "related:t:9"]);
  });

  it("nothing while a piece stays out of every list (drafts, scheduled)", () => {
    const draft = { ...live, live: false };
    expect(relatedTagsToExpire(draft, { ...draft, sectionId: 5 })).toEqual([]);
    expect(relatedTagsToExpire(null, draft)).toEqual([]);
  });

  it("a piece is in lists once published and its instant has passed", () => {
    expect(membershipOf({ status: "published", publishAt: new Date(now.getTime() - 1), sectionId: null }, [], now).live).toBe(true);
    expect(membershipOf({ status: "scheduled", publishAt: new Date(now.getTime() + 1), sectionId: null }, [], now).live).toBe(false);
    expect(membershipOf({ status: "draft", publishAt: new Date(now.getTime() - 1), sectionId: null }, [], now).live).toBe(false);
  });
});
