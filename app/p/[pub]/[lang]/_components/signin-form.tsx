"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { localePath, type UiLang } from "@/lib/i18n/lang";
import { signinDict } from "@/lib/i18n/signin";

export function SignInForm({ lang, callbackUrl }: { lang: UiLang; callbackUrl: string }) {
  const t = signinDict(lang);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setError(null);
    setBusy(true);
    try {
      const check = await fetch("/api/signin/precheck", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email }) });
      if (check.status === 422) return setError(t.invalidEmail);
      if (check.status === 429) {
        const body = (await check.json()) as { error?: { retryAfterSeconds?: number } };
        return setError(t.rateLimited(Math.max(1, Math.ceil((body.error?.retryAfterSeconds ?? 60) / 60))));
      }
      if (!check.ok) return setError(t.failed);
      const res = await signIn("email", { email, callbackUrl, redirect: false });
      if (!res || res.error) return setError(t.failed);
      router.push(localePath(lang, "/signin/check-email"));
    } catch {
      setError(t.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-describedby={error ? "signin-error" : undefined}>
      <label htmlFor="email" className="font-semibold">
        {t.emailLabel}
      </label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        maxLength={254}
        aria-invalid={error ? true : undefined}
        className="rounded border border-muted bg-white px-3 py-2 text-base"
      />
      {error ? (
        <p id="signin-error" role="alert" className="text-sm font-semibold text-accent-dark">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60">
        {busy ? t.sending : t.submit}
      </button>
    </form>
  );
}
