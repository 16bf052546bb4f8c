import Link from "next/link";
import { dict, type UiLang } from "@/lib/i18n";

export function SiteFooter({ lang }: { lang: UiLang }) {
  const t = dict(lang);
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between">
        <p>{t.footer.about}</p>
        <p>
          <Link href="/feed.xml" className="underline underline-offset-2">
            {t.footer.feed}
          </Link>{" "}
          · © {new Date().getFullYear()} {t.siteName}. {t.footer.rights}
        </p>
      </div>
    </footer>
  );
}
