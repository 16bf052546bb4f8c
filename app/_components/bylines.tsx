import Link from "next/link";
import { localePath, type UiLang } from "@/lib/i18n";

// "김민지, 박서준": each author linked to their page, in the order the piece lists them.
export function Bylines({ authors, lang }: { authors: { slug: string; name: string }[]; lang: UiLang }) {
  return (
    <>
      {authors.map((a, i) => (
        <span key={a.slug}>
          {i > 0 ? ", " : ""}
          <Link href={localePath(lang, `/authors/${a.slug}`)} className="hover:underline">
            {a.name}
          </Link>
        </span>
      ))}
    </>
  );
}
