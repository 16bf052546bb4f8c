// Issue 15 §1 and §5: what an instance can vouch for about sessions, across restarts and across a
// boot during a PostgreSQL outage.
//  - a session kept alive by renewals past the window of epoch changes an instance loads at start
//    must be re-derived, not trusted: a revocation older than that window stays in force;
//  - an instance started while PostgreSQL was down must, once it is back, learn revocations and
//    fire scheduled publishes made elsewhere (the CLI, another instance) without a restart.
import { encode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { GATED_MARKER } from "@/bench/seed";
import type { ServerHandle } from "@/bench/server";
import { SESSION_COOKIE } from "@/bench/cookies";
import { openDatabase } from "@/db/client";
import { ensureMember, insertGrant, listGrants } from "@/db/queries/members";
import { requirePrimaryPublication } from "@/db/seed/seed";
import { members } from "@/db/schema";
import { buildAccessClaims } from "@/lib/auth/claims";
import { loadNetworkTiers, toGrantLike } from "@/lib/auth/member-access";
import { revokeAccess } from "@/lib/members/grant-access";
import { cliActor } from "@/lib/studio/audit";
import { createPiece } from "@/lib/studio/pieces";
import { ctl, waitForPostgres } from "./cluster";
import { hit, sleep } from "./http";
import { startFaultServer } from "./server";

const ctx = inject("faults");
const DAY = 24 * 3600_000;
const run = Date.now().toString(36);
let handle: Awaited<ReturnType<typeof openDatabase>>;
const servers: ServerHandle[] = [];

beforeAll(async () => {
  handle = await openDatabase({ url: ctx.databaseUrl });
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await handle?.close();
});

// A premium member of this test alone (other files read the seeded members' access), and a session
// for them whose claims were derived at `derivedAt`.
async function premiumMember(name: string, derivedAt: Date) {
  const db = handle.db;
  const member = await ensureMember(db, `${name}-${run}@example.com`);
  const publicationId = await requirePrimaryPublication(db);
  await insertGrant(db, {
    memberId: member.id,
    publicationId,
    tierSlug: "premium",
    startsAt: new Date(Date.now() - 60 * DAY),
    endsAt: new Date(Date.now() + 300 * DAY),
    source: "comp",
  });
  const [grants, tiers] = await Promise.all([listGrants(db, member.id), loadNetworkTiers(db)]);
  const claims = {
    ...buildAccessClaims(
      { id: member.id, role: "reader", accessEpoch: member.accessEpoch },
      grants.map(toGrantLike),
      tiers.network,
      [],
      derivedAt,
      publicationId,
    ),
    sp: publicationId,
  };
  const token = await encode({ token: { sub: String(member.id), email: member.email, ...claims }, secret: ctx.secret, maxAge: 30 * 24 * 3600 });
  return { member, grant: grants[0], cookie: `${SESSION_COOKIE}=${token}` };
}

const readsGated = async (server: ServerHandle, cookie: string) => {
  const page = await hit(server.baseUrl, `/articles/${ctx.gatedSlug}`, { headers: { cookie } });
  expect(page.status).toBe(200);
  return page.body.includes(GATED_MARKER);
};

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(250);
  }
}

it("a session renewed for longer than an instance can vouch for is re-derived after a restart: an old revocation stays in force", async () => {
  // Claims derived 31 days ago, while the member was premium; the refund came a day later and
  // lies outside the window of epoch changes a freshly started instance loads.
  const { member, grant, cookie } = await premiumMember("stale-session", new Date(Date.now() - 31 * DAY));
  await revokeAccess(handle.db, grant.id, "refund");
  await handle.db
    .update(members)
    .set({ epochChangedAt: new Date(Date.now() - 30 * DAY) })
    .where(eq(members.id, member.id));

  const server = await startFaultServer(ctx, "boot-stale-session");
  servers.push(server);
  // Renewal (what every open tab does) hands back the same claims with a fresh expiry.
  const renewed = await fetch(new URL("/api/auth/session", server.baseUrl), { headers: { cookie } });
  const set = renewed.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const replay = set ? set.slice(0, set.indexOf(";")) : cookie;

  expect(await readsGated(server, replay), "the revoked member read the gated text with a renewed old session").toBe(false);
  const me = await hit(server.baseUrl, "/api/me", { headers: { cookie: replay } });
  expect(JSON.parse(me.body)).toMatchObject({ signedIn: true, tier: "free" });
  await server.stop();
});

it("an instance booted while PostgreSQL was down follows revocations and scheduled publishing once it is back", async () => {
  const { grant, cookie } = await premiumMember("boot-outage", new Date());
  await ctl("stop");
  let server: ServerHandle;
  try {
    server = await startFaultServer(ctx, "boot-outage", {}, "answering");
    servers.push(server);
    expect((await hit(server.baseUrl, "/api/health")).status).toBe(503);
    await sleep(2_000);
  } finally {
    await ctl("start");
    await waitForPostgres(ctx.databaseUrl);
  }
  await until("the instance answers healthy", async () => (await hit(server.baseUrl, "/api/health")).status === 200, 30_000);
  await until("the premium session reads the gated text", () => readsGated(server, cookie), 30_000);

  // Changes made outside this instance (as the CLI or another instance makes them) reach it only
  // through its background listeners, which had to start after the outage.
  await revokeAccess(handle.db, grant.id, "editor revoke");
  await until("the revoked session is served the teaser", async () => !(await readsGated(server, cookie)), 15_000);

  const publishAt = new Date(Date.now() + 6_000);
  const slug = `boot-scheduled-${run}`;
  await createPiece(handle.db, cliActor("faults", await requirePrimaryPublication(handle.db)), {
    title: `예약 발행 ${run}`,
    slug,
    body: "예약된 글의 본문.",
    access: "public",
    status: "scheduled",
    publishAt,
  });
  const early = await hit(server.baseUrl, `/articles/${slug}`);
  expect(early.status, "the scheduled piece is not live before its instant").toBe(404);
  await sleep(Math.max(0, publishAt.getTime() - Date.now()));
  await until("the scheduled piece is served at its instant", async () => (await hit(server.baseUrl, `/articles/${slug}`)).status === 200, 15_000);
});
