// One clock per screen (issue 20 item 14): every time the studio and the access explainer print is
// in the publication's time zone, on a 24-hour clock, as digits (no "AM"/"오후" mixed into either
// language), with the zone's abbreviation where a reader could mistake it. Pure.

export const DEFAULT_TIME_ZONE = "Asia/Seoul";

type Parts = { year: string; month: string; day: string; hour: string; minute: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Parts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(date)) out[p.type] = p.value;
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute };
}

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
  const p = partsIn(date, timeZone);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return opts.zone ? `${text} ${zoneAbbreviation(timeZone, date)}` : text;
}

/** "2026-12-06" in the publication's zone (a day boundary is the zone's, not UTC's). */
export function formatDay(value: Date | string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (value == null) return "—";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
