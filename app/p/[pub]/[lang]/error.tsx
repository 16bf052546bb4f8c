"use client";

import { useEffect } from "react";
import { dict } from "@/lib/i18n";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error.digest ?? "render error");
  }, [error]);
  const ko = dict("ko");
  const en = dict("en");
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-center gap-4 py-20 text-center">
      <h1 className="headline text-2xl font-bold">{ko.error.title}</h1>
      <p className="text-muted">{ko.error.body}</p>
      <p lang="en" className="text-muted">
        {en.error.title}. {en.error.body}
      </p>
      <button type="button" onClick={reset} className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-black">
        {ko.error.retry} <span lang="en">/ Try again</span>
      </button>
    </div>
  );
}
