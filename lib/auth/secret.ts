import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { processSlot } from "@/lib/process-state";

// AUTH_SECRET signs sessions; every instance must share it. For the local demo it is generated
// once and kept in the data directory so sessions survive restarts.
export function authSecret(): string {
  return processSlot("authSecret", loadAuthSecret);
}

function loadAuthSecret(): string {
  const env = getEnv();
  let secret = env.AUTH_SECRET;
  if (!secret) {
    const file = path.resolve(env.MASTHEAD_DATA_DIR, "auth-secret");
    if (fs.existsSync(file)) secret = fs.readFileSync(file, "utf8").trim();
    if (!secret) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      secret = randomBytes(32).toString("base64url");
      // `wx` fails if another process created it first; then use theirs.
      try {
        fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      } catch {
        secret = fs.readFileSync(file, "utf8").trim();
      }
    }
  }
  return secret;
}
