// Migrates the database and seeds the demo publication when it is empty. Run by `npm start`
// before the server starts, and by the e2e setup.
import { closeDb, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ensureAdmin } from "@/db/seed/members";
import { seedDemo } from "@/db/seed/seed";
import { getEnv } from "@/lib/env";

async function main() {
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle.db, handle.kind);
    const { seeded } = await seedDemo(handle.db);
    const adminEmail = getEnv().ADMIN_EMAIL;
    if (adminEmail) await ensureAdmin(handle.db, adminEmail);
    console.log(`[db] ${handle.kind}: migrations applied${seeded ? ", demo content seeded" : ""}`);
  } finally {
    await handle.close();
    await closeDb();
  }
}

main().catch((err) => {
  console.error(`[db] could not prepare the database: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
