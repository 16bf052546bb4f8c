// What a server instance does once at start, on Node (called from instrumentation.ts, which Next
// also compiles for the Edge runtime: everything Node-only lives here).
export async function startInstance(): Promise<void> {
  // Per-IP limits need the socket address, which Next 16 does not expose (lib/http/peer-address.ts).
  const { installPeerStamp } = await import("@/lib/http/peer-address");
  installPeerStamp();
  // The edge stores one gzip body per tier and page: send it whole, with its length (lib/http/edge-body.ts).
  const { installEdgeBody } = await import("@/lib/http/edge-body");
  installEdgeBody();
  // Refuse the embedded database when several instances are configured or the data folder is
  // taken, before anything opens it (db/instance-guard.ts).
  const { getEnv } = await import("@/lib/env");
  const { guardEmbeddedDatabase } = await import("@/db/instance-guard");
  const env = getEnv();
  try {
    guardEmbeddedDatabase({
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      instances: env.MASTHEAD_INSTANCES,
      authSecret: env.AUTH_SECRET,
      dataDir: env.MASTHEAD_DATA_DIR,
    });
  } catch (err) {
    console.error(`[start] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  if (env.REDIS_URL) {
    // Cache tag revalidations also reach the other instances while Redis is away.
    const { startTagBroadcast } = await import("@/lib/cache/tag-broadcast");
    await startTagBroadcast().catch((err: unknown) => {
      console.error("[cache] tag broadcast could not start:", err instanceof Error ? err.message : String(err));
    });
  }
  // Background work below keeps each instance current without a query per request. Each start is
  // retried with backoff, so an instance booted while PostgreSQL was down catches up by itself
  // once it answers (issue 15 §5); the first attempt is awaited so the common case serves with
  // every table loaded.
  const { startWithRetry } = await import("@/lib/background/retry");
  const { startAccessListener } = await import("@/lib/auth/access-listener");
  // Scheduled publishing and time-based unlocks revalidate at their instant (lib/studio/publish-clock).
  const { startPublishClock } = await import("@/lib/studio/publish-clock");
  // Old WordPress URLs answered with permanent redirects (lib/import/redirects.ts, used by the proxy).
  const { startRedirectTable } = await import("@/lib/import/redirect-table");
  // Which piece slugs exist, so the proxy answers the others 404 without a render (lib/routing).
  const { startKnownArticles } = await import("@/lib/routing/known-articles-loader");
  // Publications by hostname: the proxy maps every request's Host with it (lib/publications).
  const { startPublicationTable } = await import("@/lib/publications/table-loader");
  // Newsletters and notices: the durable send queue's worker (lib/email).
  const { startEmailWorker } = await import("@/lib/email/runner");
  // PortOne renewals: charges each due period once, across instances (lib/billing/portone/renewal.ts).
  const { startPortOneRenewals } = await import("@/lib/billing/portone/runner");
  await Promise.all([
    startWithRetry("portone-renewals", startPortOneRenewals),
    startWithRetry("email", startEmailWorker),
    startWithRetry("publications", startPublicationTable),
    startAccessListener(),
    startPublishClock(),
    startWithRetry("redirects", startRedirectTable),
    startWithRetry("articles", startKnownArticles),
  ]);
}
