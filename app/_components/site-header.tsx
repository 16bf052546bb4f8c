import Image from "next/image";
import Link from "next/link";
import { dict, localePath, type UiLang } from "@/lib/i18n";
import { publicationName, type PublicationRef } from "@/lib/publications/model";
import { AccountMenu } from "./account-menu";
import { LangSwitch } from "./lang-switch";
import type { SectionView } from "@/lib/articles/view-models";

// The publication's own masthead: its name (or logo) and sections, in its accent colour.
export function SiteHeader({ lang, sections, publication }: { lang: UiLang; sections: SectionView[]; publication: PublicationRef }) {
  const t = dict(lang);
  const name = publicationName(publication, lang);
  return (
    <header className="border-b border-rule bg-paper" style={{ borderTop: `4px solid ${publication.accentColor}` }}>
      <a href="#main" className="skip-link">
        {t.skipToContent}
      </a>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href={localePath(lang, "/")} className="headline flex items-center gap-2 text-2xl font-bold tracking-tight text-ink">
          {publication.logoUrl ? <Image src={publication.logoUrl} alt="" width={32} height={32} className="h-8 w-8" /> : null}
          {name}
        </Link>
        <div className="flex flex-wrap items-center justify-end gap-2 text-sm sm:gap-3">
          <Link
            href={localePath(lang, "/pricing")}
            className="rounded bg-accent px-3 py-1 font-semibold text-white hover:bg-accent-dark"
            data-testid="header-pricing"
          >
            {t.nav.pricing}
          </Link>
          <Link href={localePath(lang, "/search")} className="rounded px-2 py-1 text-ink hover:bg-black/5">
            {t.nav.search}
          </Link>
          <LangSwitch lang={lang} label={t.langSwitch.other} />
          <AccountMenu lang={lang} labels={{ signIn: t.nav.signIn, account: t.nav.account }} />
        </div>
      </div>
      <nav aria-label={t.nav.menu} className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 text-sm">
          {/* Sections an import brought in join the navigation only when chosen (sections.in_nav). */}
          {sections
            .filter((s) => s.inNav !== false)
            .map((s) => (
              <li key={s.slug}>
                <Link href={localePath(lang, `/sections/${s.slug}`)} className="block whitespace-nowrap px-2 py-2 text-ink hover:text-accent">
                  {lang === "en" ? s.nameEn : s.name}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </header>
  );
}
