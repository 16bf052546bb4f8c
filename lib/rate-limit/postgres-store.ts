import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import type { CounterStore } from "./store";

const PRUNE_EVERY = 500;
const PRUNE_OLDER_THAN_MS = 24 * 3600 * 1000;

// Counters in the rate_limits table: shared by every instance on one database, so limits hold
// across servers even without Redis. One atomic upsert per hit; every few hundred hits the
// instance deletes windows older than a day (no limit is longer) so search-by-IP keys don't pile up.
export function createPostgresStore(getDb: () => Promise<Db>): CounterStore {
  let hits = 0;
  return {
    name: "postgres",
    async hit(key, windowMs, nowMs) {
      const db = await getDb();
      const now = new Date(nowMs);
      const closedBefore = new Date(nowMs - windowMs);
      if (++hits % PRUNE_EVERY === 0) await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(nowMs - PRUNE_OLDER_THAN_MS)));
      const [row] = await db
        .insert(rateLimits)
        .values({ key, windowStart: now, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${rateLimits.windowStart} <= ${closedBefore} then 1 else ${rateLimits.count} + 1 end`,
            windowStart: sql`case when ${rateLimits.windowStart} <= ${closedBefore} then ${now} else ${rateLimits.windowStart} end`,
          },
        })
        .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
      return { count: row.count, resetAtMs: row.windowStart.getTime() + windowMs };
    },
  };
}
