"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const POLL_MS = 2_000;
const MAX_POLLS = 30;

// After a checkout the client router cache may still hold pages rendered for the old tier:
// refresh once on arrival. While the payment is still being confirmed (Stripe's webhook has not
// arrived yet), keep refreshing this page until it has, for up to a minute.
export function RefreshOnMount({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    router.refresh();
  }, [router]);
  useEffect(() => {
    if (!pending) return;
    let polls = 0;
    const timer = setInterval(() => {
      if (++polls > MAX_POLLS) clearInterval(timer);
      else router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, router]);
  return null;
}
