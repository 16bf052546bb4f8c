"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Follows a send in progress: the page's server data is refreshed every few seconds while active.
export function AutoRefresh({ active, everyMs = 3_000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
