// Dates as membership exports write them. A value with a time zone is an instant; a date alone (or
// a date and time without a zone) is read in the publication's time zone. An expiry given as a day
// lasts to the end of that day: a member whose export says "expires 2026-12-31" reads through the
// 31st, never a day less.

import { isValidWallTime, zonedInstant, zoneOffset } from "@/lib/time/zoned";

export type ParsedDate = { at: Date; dateOnly: boolean };

// Writings of "no date": PMPro's N/A (and "Never" in older exports), blanks.
const NONE = new Set(["", "n/a", "na", "never", "none", "null", "-", "0000-00-00", "0000-00-00 00:00:00"]);

export function isNoDate(raw: string): boolean {
  return NONE.has(raw.trim().toLowerCase());
}

const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\.?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date cell, or null when it is not a date. `mdy`: also accept PMPro's older m/d/Y. Dates alone
 * (and times without a zone) are in `timeZone`.
 */
export function parseDateCell(raw: string, timeZone: string, opts: { mdy?: boolean } = {}): ParsedDate | null {
  // Exports repeat the same few dates thousands of times: remember recent answers.
  const key = `${timeZone}|${opts.mdy ? 1 : 0}|${raw}`;
  const hit = parsedCache.get(key);
  if (hit !== undefined) return hit;
  if (parsedCache.size >= 10_000) parsedCache.clear();
  const parsed = parseUncached(raw, timeZone, opts);
  parsedCache.set(key, parsed);
  return parsed;
}

const parsedCache = new Map<string, ParsedDate | null>();

function parseUncached(raw: string, timeZone: string, opts: { mdy?: boolean }): ParsedDate | null {
  const v = raw.trim();
  if (ISO_ZONED.test(v)) {
    const at = new Date(v.replace(" ", "T").replace(/\s+/, ""));
    return Number.isNaN(at.getTime()) ? null : { at, dateOnly: false };
  }
  const ymd = YMD.exec(v);
  if (ymd) {
    const [y, m, d, h, min, s] = ymd.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
    if (!isValidWallTime(y!, m!, d!, h, min, s)) return null;
    return { at: zonedInstant(y!, m!, d!, h ?? 0, min ?? 0, s ?? 0, timeZone), dateOnly: h === undefined };
  }
  const mdy = opts.mdy ? MDY.exec(v) : null;
  if (mdy) {
    const [m, d, y] = mdy.slice(1).map(Number);
    if (!isValidWallTime(y, m, d)) return null;
    return { at: zonedInstant(y, m, d, 0, 0, 0, timeZone), dateOnly: true };
  }
  return null;
}

/** The end of access an expiry cell names: the end of the day for a date alone. */
export function endOfAccess(parsed: ParsedDate, timeZone: string): Date {
  if (!parsed.dateOnly) return parsed.at;
  const key = `${timeZone}|${parsed.at.getTime()}`;
  const hit = endCache.get(key);
  if (hit) return hit;
  if (endCache.size >= 10_000) endCache.clear();
  // The next local midnight: a date's own day plus one, in the zone.
  const local = new Date(parsed.at.getTime() + zoneOffset(parsed.at.getTime(), timeZone));
  const end = zonedInstant(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate() + 1, 0, 0, 0, timeZone);
  endCache.set(key, end);
  return end;
}

const endCache = new Map<string, Date>();

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
