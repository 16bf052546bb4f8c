import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLivePrivateFeedByHash, getLivePrivateFeedForMember, revokePrivateFeeds, rotatePrivateFeed } from "@/db/queries/feeds";
import { ensureMember } from "@/db/queries/members";
import { hashFeedToken, newFeedToken } from "@/lib/feeds/token";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

describe.each(databaseKinds())("private feed queries on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => t?.close());

  it("rotation replaces the live URL: the old hash stops resolving in the same step", async () => {
    const member = await ensureMember(t.db, "rotate@example.com");
    const first = hashFeedToken(newFeedToken());
    const second = hashFeedToken(newFeedToken());
    await rotatePrivateFeed(t.db, member.id, first, new Date());
    expect((await getLivePrivateFeedByHash(t.db, first))?.memberId).toBe(member.id);
    await rotatePrivateFeed(t.db, member.id, second, new Date());
    expect(await getLivePrivateFeedByHash(t.db, first)).toBeNull();
    expect((await getLivePrivateFeedByHash(t.db, second))?.memberId).toBe(member.id);
    expect((await getLivePrivateFeedForMember(t.db, member.id))?.tokenHash).toBe(second);
  });

  it("revocation stops the live URL and reports whether there was one", async () => {
    const member = await ensureMember(t.db, "revoke@example.com");
    const hash = hashFeedToken(newFeedToken());
    await rotatePrivateFeed(t.db, member.id, hash, new Date());
    expect(await revokePrivateFeeds(t.db, member.id, new Date())).toBe(true);
    expect(await getLivePrivateFeedByHash(t.db, hash)).toBeNull();
    expect(await getLivePrivateFeedForMember(t.db, member.id)).toBeNull();
    expect(await revokePrivateFeeds(t.db, member.id, new Date())).toBe(false);
  });

  it("never leaves two live URLs for one member, even when rotations race", async () => {
    const member = await ensureMember(t.db, "race@example.com");
    const hashes = Array.from({ length: 4 }, () => hashFeedToken(newFeedToken()));
    const settled = await Promise.allSettled(hashes.map((h) => rotatePrivateFeed(t.db, member.id, h, new Date())));
    expect(settled.some((s) => s.status === "fulfilled")).toBe(true);
    const live = (await Promise.all(hashes.map((h) => getLivePrivateFeedByHash(t.db, h)))).filter(Boolean);
    expect(live).toHaveLength(1);
  });

  it("keeps members apart", async () => {
    const a = await ensureMember(t.db, "a@example.com");
    const b = await ensureMember(t.db, "b@example.com");
    const ha = hashFeedToken(newFeedToken());
    const hb = hashFeedToken(newFeedToken());
    await rotatePrivateFeed(t.db, a.id, ha, new Date());
    await rotatePrivateFeed(t.db, b.id, hb, new Date());
    await revokePrivateFeeds(t.db, a.id, new Date());
    expect(await getLivePrivateFeedByHash(t.db, ha)).toBeNull();
    expect((await getLivePrivateFeedByHash(t.db, hb))?.memberId).toBe(b.id);
  });
});
