import { sql } from "drizzle-orm";
import { getDb, queryCount } from "@/db/client";
import { retryWaitingStartsNow } from "@/lib/background/retry";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const START_RETRY_WAIT_MS = 5_000;

export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    // The database answers: background starts that failed while it was down (an instance booted
    // during an outage) try again now rather than at their next backoff step, so a load balancer
    // that sees this 200 sends readers to an instance with its tables loaded.
    // Bounded: a slow start must not hold the health check.
    await Promise.race([retryWaitingStartsNow(), new Promise((r) => setTimeout(r, START_RETRY_WAIT_MS))]);
    const body = getEnv().MASTHEAD_BENCH === "1" ? { ok: true, queries: queryCount() } : { ok: true };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false, error: { code: "unavailable:database", message: "The database is not answering." } }, { status: 503 });
  }
}
