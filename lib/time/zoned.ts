// Wall-clock times in a named time zone ↔ instants, without a date library. Pure. The studio's
// datetime inputs use these so "09:00" means 09:00 in the publication's zone, whatever the
// editor's own computer clock says; membership imports read zone-less export dates with them.

// Building a formatter costs far more than using one; an import reads thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export type WallParts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

/** The zero-padded calendar and clock fields `instant` shows on `timeZone`'s 24-hour clock. */
export function wallParts(instant: number, timeZone: string): WallParts {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) out[p.type] = p.value;
  return out as WallParts;
}

/** The offset (ms) of `timeZone` from UTC at `instant`. */
export function zoneOffset(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time in `timeZone` names (twice corrected, for DST changes). */
export function zonedInstant(y: number, m: number, d: number, h: number, min: number, s: number, timeZone: string): Date {
  const wall = Date.UTC(y, m - 1, d, h, min, s);
  let at = wall - zoneOffset(wall, timeZone);
  at = wall - zoneOffset(at, timeZone);
  return new Date(at);
}

/** Whether the fields name a real calendar day and clock time (no 30 February, no 24:00). */
export function isValidWallTime(y: number, m: number, d: number, h = 0, min = 0, s = 0): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 23 || min > 59 || s > 59) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** A `datetime-local` value ("2026-12-31T09:00[:00]") read in `timeZone`; null when it is not one. */
export function wallTimeToInstant(value: string, timeZone: string): Date | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
  if (!isValidWallTime(y, mo, d, h, mi, s)) return null;
  return zonedInstant(y, mo, d, h, mi, s, timeZone);
}

/** The `datetime-local` value ("2026-12-31T09:00:00") showing `instant` on `timeZone`'s clock. */
export function instantToWallTime(instant: Date | string, timeZone: string): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return "";
  const p = wallParts(at.getTime(), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
