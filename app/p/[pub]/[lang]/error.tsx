"use client";

import { useEffect } from "react";
import { enError, koError } from "@/lib/i18n/error";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error.digest ?? "render error");
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-center gap-4 py-20 text-center">
      <h1 className="headline text-2xl font-bold">{koError.title}</h1>
      <p className="text-muted">{koError.body}</p>
      <p lang="en" className="text-muted">
        {enError.title}. {enError.body}
      </p>
      <button type="button" onClick={reset} className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-black">
        {koError.retry} <span lang="en">/ Try again</span>
      </button>
    </div>
  );
}
