import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// The generated webhook secret's file, without the "server-only" marker so the benchmark (plain
// tsx) can sign deliveries with the secret a server it started is using.

const FILE_NAME = "stripe-webhook-secret";
const cache = new Map<string, string>();

export function webhookSecretFile(dataDir: string): string {
  return path.resolve(dataDir, FILE_NAME);
}

export function readOrCreateSecret(file: string): string {
  const known = cache.get(file);
  if (known) return known;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    // Written aside and hard-linked into place: link() fails if another process won the race, and
    // nobody ever reads a half-written file.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(tmp, `whsec_${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if (!(err instanceof Error && "code" in err && err.code === "EEXIST")) throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (!secret) throw new Error(`${file} is empty; delete it to generate a new webhook secret`);
  cache.set(file, secret);
  return secret;
}
