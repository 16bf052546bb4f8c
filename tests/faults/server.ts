// A production server (the global setup's build) against the private cluster, one per test file.
import path from "node:path";
import { startServer, type ServerHandle } from "@/bench/server";
import type { FaultsContext } from "./context";

// Under .data-faults (git-ignored like every .data-* folder).
export const LOG_DIR = path.resolve(import.meta.dirname, "../../.data-faults/logs");

export function serverEnv(ctx: FaultsContext, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: ctx.databaseUrl,
    MASTHEAD_DATA_DIR: ctx.dataDir,
    AUTH_SECRET: ctx.secret,
    ADMIN_API_TOKEN: ctx.adminToken,
    STRIPE_WEBHOOK_SECRET: ctx.webhookSecret,
    STRIPE_PAST_DUE_GRACE_DAYS: "3",
    // Every test client is 127.0.0.1: per-address limits (search, Admin API) would answer the
    // hammering with 429 before any fault happens. Raised, not disabled — the limiter (and its
    // Redis store in the Redis case) still runs on every request. Comments keep the real 5/min.
    SEARCH_REQUESTS_PER_MINUTE: "1000000",
    ADMIN_API_REQUESTS_PER_MINUTE: "1000000",
    ...extra,
  };
}

export function startFaultServer(
  ctx: FaultsContext,
  name: string,
  extra: Record<string, string> = {},
  until: "healthy" | "answering" = "healthy",
): Promise<ServerHandle> {
  return startServer({ distDir: ctx.distDir, env: serverEnv(ctx, extra), logFile: path.join(LOG_DIR, `${name}.log`), traceFile: null, until });
}

export function alive(server: ServerHandle): boolean {
  try {
    process.kill(server.pid, 0);
    return true;
  } catch {
    return false;
  }
}
