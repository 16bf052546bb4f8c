import { describe, expect, it } from "vitest";
import { batchMessages, parseMessage } from "@/lib/cache/tag-broadcast";

describe("cache tag broadcast payloads", () => {
  it("round-trips tags and states, rounding instants", () => {
    const [payload, ...rest] = batchMessages(
      ["article:a", "comments:a"],
      [
        { stale: 1.6, expired: 2 },
        { stale: 3, expired: Infinity },
      ],
      "origin-1",
    );
    expect(rest).toEqual([]);
    expect(parseMessage(payload)).toEqual({
      origin: "origin-1",
      tags: ["article:a", "comments:a"],
      states: [
        { stale: 2, expired: 2 },
        { stale: 3, expired: Number.MAX_SAFE_INTEGER },
      ],
    });
  });

  it("splits many tags into NOTIFY-sized payloads without losing any", () => {
    const tags = Array.from({ length: 600 }, (_, i) => `article:a-rather-long-slug-number-${i}`);
    const payloads = batchMessages(
      tags,
      tags.map((_, i) => ({ stale: i, expired: i })),
      "o",
    );
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    expect(payloads.flatMap((p) => parseMessage(p)!.tags)).toEqual(tags);
  });

  it.each([
    "",
    "{",
    "null",
    '{"origin":1,"tags":[],"states":[]}',
    '{"origin":"o","tags":["a"],"states":[]}',
    '{"origin":"o","tags":["a"],"states":[{"stale":"x","expired":1}]}',
  ])("rejects %j", (payload) => {
    expect(parseMessage(payload)).toBeNull();
  });
});
