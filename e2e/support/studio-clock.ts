// The studio's datetime inputs show the publication's clock (the demo publications: Asia/Seoul),
// not the browser's: the value to type for an instant.
export const DEMO_TIME_ZONE = "Asia/Seoul";

export function studioWallTime(at: Date, timeZone: string = DEMO_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
