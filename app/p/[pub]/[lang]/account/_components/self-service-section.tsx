import { dict, type UiLang } from "@/lib/i18n";
import { DeleteAccountForm, DisplayNameForm, EmailChangeForm } from "./self-service-forms";
import { AccountSection } from "./account-section";

// Profile, change of address, export and deletion (issue 20 §5): what PIPA and the GDPR expect a
// member to do without writing to the publisher.
export function SelfServiceSection({ lang, displayName }: { lang: UiLang; displayName: string | null }) {
  const t = dict(lang).selfService;
  return (
    <>
      <AccountSection id="profile-heading" heading={t.profileHeading}>
        <DisplayNameForm lang={lang} initial={displayName ?? ""} />
      </AccountSection>
      <AccountSection id="email-change-heading" heading={t.emailHeading}>
        <EmailChangeForm lang={lang} />
      </AccountSection>
      <AccountSection id="data-heading" heading={t.dataHeading}>
        <p className="text-sm text-muted">{t.exportHint}</p>
        {/* A plain link: the browser downloads the attachment with the session cookie. */}
        <a href="/api/account/export" className="self-start font-semibold text-accent underline" data-testid="export-link" download>
          {t.exportLink}
        </a>
      </AccountSection>
      <AccountSection id="delete-heading" heading={t.deleteHeading}>
        <DeleteAccountForm lang={lang} />
      </AccountSection>
    </>
  );
}
