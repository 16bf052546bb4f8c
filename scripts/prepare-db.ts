// Migrates the database and seeds the demo publication when it is empty. Run by `npm start`
// before the server starts, and by the e2e setup.
import { closeDb, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ensureAdmin } from "@/db/seed/members";
import { seedDemo } from "@/db/seed/seed";
import { clearSharedCache } from "@/lib/cache/clear";
import { guardEmbeddedDatabase, InstanceConflict } from "@/db/instance-guard";
import { getEnv } from "@/lib/env";

async function main() {
  const env = getEnv();
  // Before opening anything: the embedded database serves one process only.
  const claim = guardEmbeddedDatabase({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    instances: env.MASTHEAD_INSTANCES,
    authSecret: env.AUTH_SECRET,
    dataDir: env.MASTHEAD_DATA_DIR,
  });
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle.db, handle.kind);
    const { seeded } = await seedDemo(handle.db);
    const adminEmail = getEnv().ADMIN_EMAIL;
    if (adminEmail) await ensureAdmin(handle.db, adminEmail);
    console.log(`[db] ${handle.kind}: migrations applied${seeded ? ", demo content seeded" : ""}`);
    // A freshly seeded database makes every render cached for an older one wrong.
    if (seeded && env.REDIS_URL) await clearSharedCache(env.REDIS_URL, { databaseUrl: env.DATABASE_URL, namespace: env.MASTHEAD_CACHE_NAMESPACE });
  } finally {
    await handle.close();
    await closeDb();
    claim?.release();
  }
}

main().catch((err) => {
  if (err instanceof InstanceConflict) console.error(`[start] ${err.message}`);
  else console.error(`[db] could not prepare the database: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
