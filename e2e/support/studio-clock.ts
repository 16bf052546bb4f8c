// The studio's datetime inputs show the publication's clock (the demo publications: Asia/Seoul),
// not the browser's: the value to type for an instant. Swedish writes dates as ISO 8601 does
// ("2026-12-06 23:05:09"), an oracle independent of the product's own conversion.
export const DEMO_TIME_ZONE = "Asia/Seoul";

export function studioWallTime(at: Date, timeZone: string = DEMO_TIME_ZONE): string {
  return at.toLocaleString("sv-SE", { timeZone, hourCycle: "h23" }).replace(" ", "T");
}
