import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ensureMember, listGrants } from "@/db/queries/members";
import { getPublicationBySlug } from "@/db/queries/publications";
import { getPortOneSubscription } from "@/db/queries/portone";
import * as schema from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { forgetEpochs } from "@/lib/auth/epochs";
import { runRenewals } from "@/lib/billing/portone/renewal";
import { createDatabaseBeside, databaseKinds } from "./helpers/databases";
import { GRACE_MS, startPortOne, subscribe, type PortOneHarness } from "./helpers/portone";

// A renewal job SIGKILLed after PortOne took the charge and before Masthead recorded it: after
// the restart (here: the next run, once the dead run's lease expired) the period is recorded as
// paid and PortOne was asked to charge it once more only to answer ALREADY_PAID — one charge.

const T = new Date("2027-05-01T00:00:00Z");

type Opened = { db: Db; close: () => Promise<void> };

async function open(kind: "pglite" | "postgres", where: string): Promise<Opened> {
  if (kind === "postgres") {
    const pool = new pg.Pool({ connectionString: where, max: 4 });
    pool.on("error", () => undefined);
    return { db: drizzlePg({ client: pool, schema }) as unknown as Db, close: () => pool.end() };
  }
  const client = await PGlite.create(where, { extensions: { pg_trgm } });
  return { db: drizzlePglite({ client, schema }) as unknown as Db, close: () => client.close() };
}

describe.each(databaseKinds())("PortOne renewal job killed mid-run on %s", (kind) => {
  let h: PortOneHarness | undefined;
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
    await h?.standIn.stop();
  });

  it("charges the period once", async () => {
    let where: string;
    if (kind === "postgres") {
      const created = await createDatabaseBeside(process.env.DATABASE_URL!, "masthead_it");
      where = created.url;
      cleanup.push(created.drop);
    } else {
      where = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-portone-kill-"));
      cleanup.push(async () => fs.rmSync(where, { recursive: true, force: true }));
    }

    h = await startPortOne();
    forgetEpochs();
    let o = await open(kind, where);
    await migrateDatabase(o.db, kind);
    await seedDemo(o.db, T);
    const dataId = (await getPublicationBySlug(o.db, "data"))!.id;
    const member = await ensureMember(o.db, "kill-renewal@example.com");
    const { outcome } = await subscribe(o.db, h, member, { publicationId: dataId, tier: "premium" }, T);
    if (!outcome.ok) throw new Error(outcome.message);
    const subId = outcome.subscriptionId;
    const due = new Date((await getPortOneSubscription(o.db, subId))!.periodEnd!.getTime() + 1000);
    // PGlite allows one process per directory: the job's process gets it to itself.
    if (kind === "pglite") await o.close();

    const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/helpers/portone-renewal-child.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, KILL_DB_KIND: kind, KILL_DB: where, PORTONE_URL: h.standIn.url, PORTONE_SECRET: h.apiSecret, KILL_NOW: due.toISOString() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the job never charged: ${out} ${err}`)), 60_000);
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        if (out.includes("CHARGED")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on("exit", () => reject(new Error(`the job exited before charging: ${out} ${err}`)));
    });
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(out).toContain(`CHARGED ${subId}-p2`);
    // PortOne took it; Masthead has not recorded it.
    expect(h.standIn.books.payments[`${subId}-p2`]?.status).toBe("PAID");
    if (kind === "pglite") o = await open(kind, where);
    expect(await getPortOneSubscription(o.db, subId)).toMatchObject({ periodIndex: 1, leaseOwner: expect.stringMatching(/^child-/) });

    // Within the dead run's lease nobody touches it; after it, the next run finishes the job.
    expect(
      (await runRenewals(o.db, { api: h.api, owner: "restarted", pastDueGraceMs: GRACE_MS, periodSeconds: null }, new Date(due.getTime() + 60_000))).claimed,
    ).toBe(0);
    const report = await runRenewals(
      o.db,
      { api: h.api, owner: "restarted", pastDueGraceMs: GRACE_MS, periodSeconds: null },
      new Date(due.getTime() + 5 * 60_000),
    );
    expect(report).toMatchObject({ claimed: 1, paid: 1 });
    const sub = (await getPortOneSubscription(o.db, subId))!;
    expect(sub).toMatchObject({ status: "active", periodIndex: 2, leaseOwner: null });
    const charges = h.standIn.versions.filter((v) => v.payment.id === `${subId}-p2` && v.payment.status === "PAID");
    expect(charges).toHaveLength(1);
    expect(h.standIn.calls.filter((c) => c === `POST /payments/${encodeURIComponent(`${subId}-p2`)}/billing-key`)).toHaveLength(2);
    expect((await listGrants(o.db, member.id)).filter((g) => g.source === "portone")).toMatchObject([{ endsAt: sub.periodEnd, revokedAt: null }]);
    await o.close();
  });
});
