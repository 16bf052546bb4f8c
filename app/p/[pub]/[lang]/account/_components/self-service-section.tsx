import { dict, type UiLang } from "@/lib/i18n";
import { DeleteAccountForm, DisplayNameForm, EmailChangeForm } from "./self-service-forms";

// Profile, change of address, export and deletion (issue 20 §5): what PIPA and the GDPR expect a
// member to do without writing to the publisher.
export function SelfServiceSection({ lang, displayName }: { lang: UiLang; displayName: string | null }) {
  const t = dict(lang).selfService;
  return (
    <>
      <section aria-labelledby="profile-heading" className="flex flex-col gap-3">
        <h2 id="profile-heading" className="text-xl font-bold">
          {t.profileHeading}
        </h2>
        <DisplayNameForm lang={lang} initial={displayName ?? ""} />
      </section>
      <section aria-labelledby="email-change-heading" className="flex flex-col gap-3">
        <h2 id="email-change-heading" className="text-xl font-bold">
          {t.emailHeading}
        </h2>
        <EmailChangeForm lang={lang} />
      </section>
      <section aria-labelledby="data-heading" className="flex flex-col gap-3">
        <h2 id="data-heading" className="text-xl font-bold">
          {t.dataHeading}
        </h2>
        <p className="text-sm text-muted">{t.exportHint}</p>
        {/* A plain link: the browser downloads the attachment with the session cookie. */}
        <a href="/api/account/export" className="self-start font-semibold text-accent underline" data-testid="export-link" download>
          {t.exportLink}
        </a>
      </section>
      <section aria-labelledby="delete-heading" className="flex flex-col gap-3">
        <h2 id="delete-heading" className="text-xl font-bold">
          {t.deleteHeading}
        </h2>
        <DeleteAccountForm lang={lang} />
      </section>
    </>
  );
}
