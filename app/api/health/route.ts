import { sql } from "drizzle-orm";
import { getDb, queryCount } from "@/db/client";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    const body = getEnv().MASTHEAD_BENCH === "1" ? { ok: true, queries: queryCount() } : { ok: true };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false, error: { code: "unavailable:database", message: "The database is not answering." } }, { status: 503 });
  }
}
