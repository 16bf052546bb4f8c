"use client";

import { createContext, useContext } from "react";
import { DEFAULT_TIME_ZONE, formatDateTime } from "@/lib/time/format";

// One clock for the whole studio (issue 20 item 14): the publication's time zone, set once by the
// studio layout, read by every time the studio prints and every datetime input it offers — server
// and client components alike, so no page has to thread the zone through its tables.
const StudioTimeZone = createContext<string>(DEFAULT_TIME_ZONE);

export function StudioClock({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  return <StudioTimeZone.Provider value={timeZone}>{children}</StudioTimeZone.Provider>;
}

export function useStudioTimeZone(): string {
  return useContext(StudioTimeZone);
}

/** "2026-12-06 14:05 KST" in the publication's zone; "—" for no instant. */
export function Instant({ at }: { at: Date | string | null | undefined }) {
  const timeZone = useStudioTimeZone();
  const text = formatDateTime(at, { timeZone, zone: true });
  if (at == null || text === "—") return <>—</>;
  return <time dateTime={new Date(at).toISOString()}>{text}</time>;
}
