import Link from "next/link";
import { dict } from "@/lib/i18n";

// Not-found boundaries receive no params, so the message is shown in both languages.
export function NotFoundMessage() {
  const ko = dict("ko");
  const en = dict("en");
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 py-20 text-center">
      <p className="text-6xl font-bold text-accent" aria-hidden="true">
        404
      </p>
      <h1 className="headline text-2xl font-bold">{ko.notFound.title}</h1>
      <p className="text-muted">{ko.notFound.body}</p>
      <p lang="en" className="text-muted">
        {en.notFound.title}. {en.notFound.body}
      </p>
      <Link href="/" className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-black">
        {ko.notFound.home} <span lang="en">/ Home</span>
      </Link>
    </div>
  );
}
