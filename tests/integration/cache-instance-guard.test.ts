import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claimDataDir, InstanceConflict } from "@/db/instance-guard";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-guard-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("embedded database: one process per data folder", () => {
  it("refuses a folder held by another live process and takes over one left by a dead process", async () => {
    const dir = tempDir();
    const holder = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(path.join(dir, "instance.lock"), `${holder.pid}\n`);
      expect(() => claimDataDir(dir)).toThrow(InstanceConflict);
      expect(() => claimDataDir(dir)).toThrow(new RegExp(`pid ${holder.pid}.*DATABASE_URL`));
    } finally {
      holder.kill("SIGKILL");
      await new Promise((r) => holder.once("exit", r));
    }
    const claim = claimDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "instance.lock"), "utf8").trim()).toBe(String(process.pid));
    claim.release();
    expect(fs.existsSync(path.join(dir, "instance.lock"))).toBe(false);
  });

  it("npm start's database step refuses the embedded database for several instances, with what to set", () => {
    const dir = tempDir();
    const env = { ...process.env, DATABASE_URL: "", MASTHEAD_DATA_DIR: dir, MASTHEAD_INSTANCES: "2", REDIS_URL: "" };
    const run = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], { env, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MASTHEAD_INSTANCES=2 needs a database every instance shares: set DATABASE_URL/);
    // Refused before anything was created in the folder.
    expect(fs.existsSync(path.join(dir, "pglite"))).toBe(false);

    const withRedis = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], {
      env: { ...env, MASTHEAD_INSTANCES: "1", REDIS_URL: "redis://127.0.0.1:1" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(withRedis.status).toBe(1);
    expect(withRedis.stderr).toMatch(/REDIS_URL shares the page cache between instances.*DATABASE_URL/);
  });
});
