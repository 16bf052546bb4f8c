import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// The proxy tells the search page "this request was already counted (and here is the verdict)"
// through request headers. A client could send those headers too, so they carry an HMAC only
// this deployment can make; without a valid one the page counts the request itself.
export const GATE_HEADER = "x-masthead-search-gate";
export const RETRY_HEADER = "x-masthead-search-retry";

export function gateProof(): string {
  return createHmac("sha256", authSecret()).update("search-gate/v1").digest("base64url");
}

export function isGateProof(value: string | null): boolean {
  if (!value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(gateProof());
  return a.length === b.length && timingSafeEqual(a, b);
}
