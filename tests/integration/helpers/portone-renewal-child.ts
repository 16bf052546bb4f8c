import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "@/db/schema";
import type { Db } from "@/db/client";
import { createPortOneApi } from "@/lib/billing/portone/api";
import { runRenewals } from "@/lib/billing/portone/renewal";

// The renewal job in a process of its own, for portone-renewal-kill.test.ts: it charges the due
// periods and, right after PortOne took a charge and before Masthead recorded it, announces
// CHARGED and waits there to be SIGKILLed.

async function main() {
  const { KILL_DB_KIND, KILL_DB, PORTONE_URL, PORTONE_SECRET, KILL_NOW } = process.env;
  if (!KILL_DB || !PORTONE_URL || !PORTONE_SECRET || !KILL_NOW) throw new Error("KILL_DB, PORTONE_URL, PORTONE_SECRET and KILL_NOW are required");
  const db = (KILL_DB_KIND === "postgres"
    ? drizzlePg({ client: new pg.Pool({ connectionString: KILL_DB, max: 4 }), schema })
    : drizzlePglite({ client: await PGlite.create(KILL_DB, { extensions: { pg_trgm } }), schema })) as unknown as Db;
  const api = createPortOneApi({ secret: PORTONE_SECRET, baseUrl: PORTONE_URL, storeId: "store-test" });
  await runRenewals(
    db,
    {
      api,
      owner: `child-${process.pid}`,
      pastDueGraceMs: 3 * 86_400_000,
      periodSeconds: null,
      hooks: {
        afterCharge: async (paymentId) => {
          process.stdout.write(`CHARGED ${paymentId}\n`);
          await new Promise(() => undefined);
        },
      },
    },
    new Date(KILL_NOW),
  );
  process.stdout.write("DONE\n");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
