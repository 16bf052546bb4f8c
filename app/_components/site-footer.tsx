import Link from "next/link";
import { dict, localePath, type UiLang } from "@/lib/i18n";
import { publicationName, type PublicationRef } from "@/lib/publications/model";

export function SiteFooter({ lang, publication }: { lang: UiLang; publication: PublicationRef }) {
  const t = dict(lang);
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between">
        <p>{t.footer.about(publicationName(publication, lang))}</p>
        <p>
          <Link href={localePath(lang, "/feed.xml")} className="underline underline-offset-2">
            {t.footer.feed}
          </Link>{" "}
          · © {new Date().getFullYear()} {publicationName(publication, lang)}. {t.footer.rights}
        </p>
      </div>
    </footer>
  );
}
