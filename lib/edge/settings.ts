import { authSecret } from "@/lib/auth/secret";
import { deriveEdgeKey } from "./cookie";

// Edge settings. TODO(lead): move EDGE_SECRET and EDGE_COOKIE_TTL_SECONDS into lib/env.ts (the
// only reader of process.env by convention); read here until then.
const KEY = Symbol.for("masthead.edgeKey");
type Holder = { [KEY]?: string };

export function edgeKey(): string {
  const holder = globalThis as Holder;
  holder[KEY] ??= process.env.EDGE_SECRET || deriveEdgeKey(authSecret());
  return holder[KEY];
}

// How long nginx may trust a tier without asking Node: the bound on how late a revoked grant is
// noticed at the edge. 60 s by default.
export function edgeCookieTtlSeconds(): number {
  const raw = Number(process.env.EDGE_COOKIE_TTL_SECONDS);
  return Number.isInteger(raw) && raw >= 10 && raw <= 3600 ? raw : 60;
}
