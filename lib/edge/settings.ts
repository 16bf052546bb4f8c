import { authSecret } from "@/lib/auth/secret";
import { getEnv } from "@/lib/env";
import { processSlot } from "@/lib/process-state";
import { deriveEdgeKey } from "./cookie";

// Edge settings (EDGE_SECRET, EDGE_COOKIE_TTL_SECONDS in lib/env.ts).
export function edgeKey(): string {
  return processSlot("edgeKey", () => getEnv().EDGE_SECRET || deriveEdgeKey(authSecret()));
}

// How long nginx may trust a tier without asking Node: the bound on how late a revoked grant is
// noticed at the edge. 60 s by default.
export function edgeCookieTtlSeconds(): number {
  return getEnv().EDGE_COOKIE_TTL_SECONDS;
}
