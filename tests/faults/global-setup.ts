// Once per `vitest run --project faults`: a private PostgreSQL cluster (port 5499) with a seeded
// database, one production build in .next-faults (reused while the sources are unchanged), and
// signed-in sessions minted for every tier. Each test file starts its own server on top of it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { encode } from "next-auth/jwt";
import { groupByTier, mintReaderCookies, SESSION_COOKIE } from "@/bench/cookies";
import { seedBenchDatabase } from "@/bench/seed";
import { buildProduction, resetRuntimeCache } from "@/bench/server";
import { openDatabase } from "@/db/client";
import { ensureMember } from "@/db/queries/members";
import { and, asc, eq } from "drizzle-orm";
import { articles } from "@/db/schema";
import { buildAccessClaims } from "@/lib/auth/claims";
import { dropCluster, ensureCluster, recreateDatabase, waitForPostgres, DB_NAME } from "./cluster";
import type { FaultsContext } from "./context";

const root = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject) {
  const started = Date.now();
  const version = ensureCluster();
  await waitForPostgres();
  const databaseUrl = await recreateDatabase(DB_NAME);
  const now = new Date();
  const handle = await openDatabase({ url: databaseUrl });
  let ctx: FaultsContext;
  try {
    const seeded = await seedBenchDatabase(handle.db, "postgres", { pieces: 40, members: 300, now });
    const admin = await ensureMember(handle.db, "faults-admin@example.com", { role: "admin" });
    const secret = randomBytes(32).toString("base64url");
    const cookies = await mintReaderCookies(seeded.members, seeded.tiers, secret, now, seeded.publicationId);
    const adminClaims = {
      ...buildAccessClaims({ id: admin.id, role: "admin", accessEpoch: admin.accessEpoch }, [], seeded.tiers, [], now, seeded.publicationId),
      sp: seeded.publicationId,
    };
    const adminJwt = await encode({ token: { sub: String(admin.id), email: admin.email, ...adminClaims }, secret, maxAge: 24 * 3600 });
    const byTier = Object.fromEntries([...groupByTier(cookies)].map(([tier, list]) => [tier, list.map((c) => ({ memberId: c.memberId, cookie: c.cookie }))]));
    const found = await handle.db
      .select({ slug: articles.slug })
      .from(articles)
      .where(and(eq(articles.publicationId, seeded.publicationId), eq(articles.access, "public"), eq(articles.status, "published")))
      .orderBy(asc(articles.id))
      .limit(20);
    const slugs = found.map((r) => r.slug);
    ctx = {
      databaseUrl,
      referenceUrl: "",
      distDir: ".next-faults",
      dataDir: ".data-faults",
      secret,
      adminToken: randomBytes(24).toString("hex"),
      webhookSecret: `whsec_faults_${randomBytes(16).toString("hex")}`,
      byTier,
      adminCookie: `${SESSION_COOKIE}=${adminJwt}`,
      gatedSlug: seeded.gatedSlug,
      publicSlugs: slugs,
      pgVersion: version,
    };
  } finally {
    await handle.close();
  }
  // A twin taken before any server runs (same member ids): the webhook test applies its events
  // there in order, cleanly, as the reference for what the burst under faults must end up with.
  ctx.referenceUrl = await recreateDatabase(`${DB_NAME}_ref`, DB_NAME);
  fs.mkdirSync(path.join(root, ctx.dataDir), { recursive: true });
  const build = await buildProduction(ctx.distDir, { DATABASE_URL: databaseUrl, MASTHEAD_DATA_DIR: ctx.dataDir });
  await resetRuntimeCache(ctx.distDir);
  console.log(
    `[faults] cluster ${version}/masthead_faults ready, build ${build.seconds < 5 ? "up to date" : `took ${build.seconds.toFixed(0)} s`}, setup ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  project.provide("faults", ctx);
  return () => {
    // Nothing of the private cluster outlives the run (FAULTS_KEEP_CLUSTER=1 keeps it for debugging).
    if (process.env.FAULTS_KEEP_CLUSTER !== "1") dropCluster();
  };
}
