// One clock per screen (issue 20 item 14): every time the studio and the access explainer print is
// in the publication's time zone, on a 24-hour clock, as digits (no "AM"/"오후" mixed into either
// language), with the zone's abbreviation where a reader could mistake it. Pure.

import { wallParts } from "./zoned";

export const DEFAULT_TIME_ZONE = "Asia/Seoul";

// Intl names most zones "GMT+9" in English; the abbreviations readers know come from this table.
const abbreviations: Record<string, string> = { "Asia/Seoul": "KST", "Asia/Tokyo": "JST", UTC: "UTC", "Etc/UTC": "UTC" };

export function zoneAbbreviation(timeZone: string, date: Date = new Date()): string {
  const known = abbreviations[timeZone];
  if (known) return known;
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName");
  return name?.value ?? timeZone;
}

const toDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

/** "2026-12-06 14:05", or "2026-12-06 14:05 KST" with `zone: true`; "—" for no instant. */
export function formatDateTime(value: Date | string | null | undefined, opts: { timeZone?: string; zone?: boolean } = {}): string {
  if (value == null) return "—";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const p = wallParts(date.getTime(), timeZone);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return opts.zone ? `${text} ${zoneAbbreviation(timeZone, date)}` : text;
}

/** "2026-12-06" in the publication's zone (a day boundary is the zone's, not UTC's). */
export function formatDay(value: Date | string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (value == null) return "—";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  const p = wallParts(date.getTime(), timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
