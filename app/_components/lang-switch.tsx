"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Links the same page in the other UI language: Korean at bare paths, English under /en.
export function LangSwitch({ lang, label }: { lang: "ko" | "en"; label: string }) {
  const pathname = usePathname() ?? "/";
  const bare = pathname === "/en" ? "/" : pathname.startsWith("/en/") ? pathname.slice(3) : pathname;
  const isArticle = bare.startsWith("/articles/");
  const target = lang === "ko" ? (isArticle ? "/en" : bare === "/" ? "/en" : `/en${bare}`) : isArticle ? "/" : bare;
  const other = lang === "ko" ? "en" : "ko";
  return (
    <Link href={target} hrefLang={other} lang={other} className="rounded px-2 py-1 text-ink hover:bg-black/5">
      {label}
    </Link>
  );
}
