import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { tiers } from "@/db/schema";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-dbclient-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("embedded database folder", () => {
  it("creates a missing data folder, parents included", async () => {
    const dir = path.join(root, "missing", "nested", "pglite");
    const handle = await openPglite(dir);
    await migrateDatabase(handle.db, "pglite");
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(tiers);
    expect(row.n).toBe(0);
    await handle.close();
    expect(fs.existsSync(dir)).toBe(true);
  });

  it("moves a corrupt folder aside, keeps it, and starts a fresh database", async () => {
    const dir = path.join(root, "corrupt", "pglite");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "PG_VERSION"), "not a version\n");
    fs.mkdirSync(path.join(dir, "global"));
    fs.writeFileSync(path.join(dir, "global", "pg_control"), "garbage");
    const handle = await openPglite(dir);
    await migrateDatabase(handle.db, "pglite");
    await handle.close();
    const aside = fs.readdirSync(path.dirname(dir)).filter((n) => n.startsWith("pglite.corrupt-"));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(dir), aside[0], "PG_VERSION"), "utf8")).toBe("not a version\n");
  });
});
