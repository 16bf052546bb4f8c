import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLivePrivateFeedByHash, getLivePrivateFeedForMember, revokePrivateFeeds, rotatePrivateFeed } from "@/db/queries/feeds";
import { ensureMember } from "@/db/queries/members";
import { insertPublication } from "@/db/queries/publications";
import { hashFeedToken, newFeedToken } from "@/lib/feeds/token";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";
import { withPrimaryPublication } from "./helpers/suites";

describe.each(databaseKinds())("private feed queries on %s", (kind) => {
  // Feed URLs are per publication; these tests work in the primary one (made by the migrations).
  let t: TestDatabase, pub: number;
  beforeAll(async () => {
    ({ t, pub } = await withPrimaryPublication(openTestDatabase(kind)));
  });
  afterAll(async () => t?.close());

  it("rotation replaces the live URL: the old hash stops resolving in the same step", async () => {
    const member = await ensureMember(t.db, "rotate@example.com");
    const first = hashFeedToken(newFeedToken());
    const second = hashFeedToken(newFeedToken());
    await rotatePrivateFeed(t.db, pub, member.id, first, new Date());
    expect((await getLivePrivateFeedByHash(t.db, first))?.memberId).toBe(member.id);
    await rotatePrivateFeed(t.db, pub, member.id, second, new Date());
    expect(await getLivePrivateFeedByHash(t.db, first)).toBeNull();
    expect((await getLivePrivateFeedByHash(t.db, second))?.memberId).toBe(member.id);
    expect((await getLivePrivateFeedForMember(t.db, pub, member.id))?.tokenHash).toBe(second);
  });

  it("revocation stops the live URL and reports whether there was one", async () => {
    const member = await ensureMember(t.db, "revoke@example.com");
    const hash = hashFeedToken(newFeedToken());
    await rotatePrivateFeed(t.db, pub, member.id, hash, new Date());
    expect(await revokePrivateFeeds(t.db, pub, member.id, new Date())).toBe(true);
    expect(await getLivePrivateFeedByHash(t.db, hash)).toBeNull();
    expect(await getLivePrivateFeedForMember(t.db, pub, member.id)).toBeNull();
    expect(await revokePrivateFeeds(t.db, pub, member.id, new Date())).toBe(false);
  });

  it("never leaves two live URLs for one member, even when rotations race", async () => {
    const member = await ensureMember(t.db, "race@example.com");
    const hashes = Array.from({ length: 4 }, () => hashFeedToken(newFeedToken()));
    const settled = await Promise.allSettled(hashes.map((h) => rotatePrivateFeed(t.db, pub, member.id, h, new Date())));
    expect(settled.some((s) => s.status === "fulfilled")).toBe(true);
    const live = (await Promise.all(hashes.map((h) => getLivePrivateFeedByHash(t.db, h)))).filter(Boolean);
    expect(live).toHaveLength(1);
  });

  it("keeps members apart", async () => {
    const a = await ensureMember(t.db, "a@example.com");
    const b = await ensureMember(t.db, "b@example.com");
    const ha = hashFeedToken(newFeedToken());
    const hb = hashFeedToken(newFeedToken());
    await rotatePrivateFeed(t.db, pub, a.id, ha, new Date());
    await rotatePrivateFeed(t.db, pub, b.id, hb, new Date());
    await revokePrivateFeeds(t.db, pub, a.id, new Date());
    expect(await getLivePrivateFeedByHash(t.db, ha)).toBeNull();
    expect((await getLivePrivateFeedByHash(t.db, hb))?.memberId).toBe(b.id);
  });

  it("gives a member one live URL per publication: rotating or revoking in one leaves the other working", async () => {
    const other = await insertPublication(t.db, { slug: "feeds-other", name: "다른 매체" }, ["feeds-other.localhost"]);
    const member = await ensureMember(t.db, "two-feeds@example.com");
    const inPrimary = hashFeedToken(newFeedToken());
    const inOther = hashFeedToken(newFeedToken());
    await rotatePrivateFeed(t.db, pub, member.id, inPrimary, new Date());
    await rotatePrivateFeed(t.db, other.id, member.id, inOther, new Date());
    // Both URLs resolve, each to its own publication's feed.
    expect((await getLivePrivateFeedByHash(t.db, inPrimary))?.publicationId).toBe(pub);
    expect((await getLivePrivateFeedByHash(t.db, inOther))?.publicationId).toBe(other.id);
    // Rotating in the other publication does not touch the primary's URL.
    const rotated = hashFeedToken(newFeedToken());
    await rotatePrivateFeed(t.db, other.id, member.id, rotated, new Date());
    expect(await getLivePrivateFeedByHash(t.db, inOther)).toBeNull();
    expect((await getLivePrivateFeedForMember(t.db, pub, member.id))?.tokenHash).toBe(inPrimary);
    // Revoking in the primary leaves the other publication's URL live.
    expect(await revokePrivateFeeds(t.db, pub, member.id, new Date())).toBe(true);
    expect(await getLivePrivateFeedByHash(t.db, inPrimary)).toBeNull();
    expect((await getLivePrivateFeedForMember(t.db, other.id, member.id))?.tokenHash).toBe(rotated);
  });
});
