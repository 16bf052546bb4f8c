// Private feed secrets. Pure apart from the random source. The secret is 256 random bits, so a
// plain SHA-256 is enough to store it (nothing to brute-force); lookups go by that hash.
import { createHash, randomBytes } from "node:crypto";
import type { UiLang } from "@/lib/i18n";

const TOKEN_BYTES = 32;
// base64url of 32 bytes, no padding.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const PRIVATE_FEED_PREFIX = "/api/feeds/private/";

export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// English channel words are asked for in the query, so one secret serves either language.
export function privateFeedPath(token: string, lang: UiLang = "ko"): string {
  return `${PRIVATE_FEED_PREFIX}${token}.xml${lang === "en" ? "?lang=en" : ""}`;
}

/** The token in a `{token}.xml` path segment, or null when the segment cannot hold one. */
export function parseFeedFile(file: string): string | null {
  if (!file.endsWith(".xml")) return null;
  const token = file.slice(0, -".xml".length);
  return TOKEN_PATTERN.test(token) ? token : null;
}
