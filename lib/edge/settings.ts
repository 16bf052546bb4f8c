import { authSecret } from "@/lib/auth/secret";
import { getEnv } from "@/lib/env";
import { deriveEdgeKey } from "./cookie";

// Edge settings (EDGE_SECRET, EDGE_COOKIE_TTL_SECONDS in lib/env.ts).
const KEY = Symbol.for("masthead.edgeKey");
type Holder = { [KEY]?: string };

export function edgeKey(): string {
  const holder = globalThis as Holder;
  holder[KEY] ??= getEnv().EDGE_SECRET || deriveEdgeKey(authSecret());
  return holder[KEY];
}

// How long nginx may trust a tier without asking Node: the bound on how late a revoked grant is
// noticed at the edge. 60 s by default.
export function edgeCookieTtlSeconds(): number {
  return getEnv().EDGE_COOKIE_TTL_SECONDS;
}
