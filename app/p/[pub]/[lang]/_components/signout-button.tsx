"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label, callbackUrl = "/" }: { label: string; callbackUrl?: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl })} className="rounded border border-ink px-4 py-2 font-semibold hover:bg-black/5">
      {label}
    </button>
  );
}
