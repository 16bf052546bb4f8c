import fs from "node:fs";
import path from "node:path";

// The embedded database (PGlite) belongs to one process: two servers on one data folder corrupt
// it, and several servers on separate folders would each serve their own data through one shared
// cache. Running more than one instance therefore needs PostgreSQL; this refuses the embedded
// database at start, with a message saying what to set, when more than one instance is configured
// (MASTHEAD_INSTANCES > 1, or REDIS_URL, which only exists to share a cache between instances) or
// when another live process already holds the data folder.

export type InstanceSettings = { databaseUrl?: string; redisUrl?: string; instances: number; authSecret?: string };

export function pgliteRefusal(s: InstanceSettings): string | null {
  // Without it each instance would generate its own secret and sign members out of the others.
  if (s.instances > 1 && s.databaseUrl && !s.authSecret) {
    return `MASTHEAD_INSTANCES=${s.instances} needs one AUTH_SECRET shared by every instance (at least 16 characters); otherwise each generates its own and sessions minted by one are rejected by the others.`;
  }
  if (s.databaseUrl) return null;
  if (s.instances > 1) {
    return `MASTHEAD_INSTANCES=${s.instances} needs a database every instance shares: set DATABASE_URL to PostgreSQL. The embedded database (PGlite, used when DATABASE_URL is unset) serves one process only.`;
  }
  if (s.redisUrl) {
    return "REDIS_URL shares the page cache between instances, so they also need one shared database: set DATABASE_URL to PostgreSQL (or unset REDIS_URL for a single instance on the embedded database).";
  }
  return null;
}

const LOCK_FILE = "instance.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class InstanceConflict extends Error {}

/**
 * Claims the data folder for this process. Throws InstanceConflict when another live process holds
 * it; a lock left by a process that died is taken over. Released on exit.
 */
export function claimDataDir(dataDir: string, pid = process.pid): { release: () => void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${pid}\n`, { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(pid)) fs.rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
      process.once("exit", release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== pid && isAlive(holder)) {
        throw new InstanceConflict(
          `Another Masthead process (pid ${holder}) is using the embedded database in ${path.resolve(dataDir)}. ` +
            "The embedded database (PGlite) allows one server process: stop the other one, give this one its own MASTHEAD_DATA_DIR, " +
            `or set DATABASE_URL to PostgreSQL to run several instances. (If no such process runs, delete ${file}.)`,
        );
      }
      // Left by a process that is gone (or by this one): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new InstanceConflict(`Could not claim ${file}.`);
}

/** Throws with a clear message when this process may not use the embedded database. */
export function guardEmbeddedDatabase(s: InstanceSettings & { dataDir: string }): { release: () => void } | null {
  const refusal = pgliteRefusal(s);
  if (refusal) throw new InstanceConflict(refusal);
  return s.databaseUrl ? null : claimDataDir(s.dataDir);
}
