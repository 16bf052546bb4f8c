import Link from "next/link";
import { SignOutButton } from "../_components/signout-button";
import { resolveGrantStatus } from "@/lib/access";
import { toGrantLike } from "@/lib/auth/member-access";
import { dict, formatDate, localePath } from "@/lib/i18n";
import { publicationById } from "@/lib/publications/table";
import { publicationName } from "@/lib/publications/model";
import { pageContext, type PageParams } from "../lang";
import { BillingPanel } from "./_components/billing-panel";
import { PrivateFeedSection } from "./_components/private-feed-section";
import { MailPreferencesPanel } from "./_components/mail-preferences-panel";
import { SelfServiceSection } from "./_components/self-service-section";
import { getDb } from "@/db/client";
import { suppressedAmong } from "@/db/queries/email";
import { getPublicationMember } from "@/db/queries/publication-members";
import { AccountSection } from "./_components/account-section";
import { privatePageMetadata, signedInViewer } from "../_lib/private-page";

// Personal, so rendered per request and never cached (Next marks it private once cookies are read).
export const dynamic = "force-dynamic";

type Props = { params: Promise<PageParams> };

export const generateMetadata = privatePageMetadata((lang) => dict(lang).account.title);

export default async function AccountPage({ params }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = dict(lang);
  const viewer = await signedInViewer(pub.id, lang, localePath(lang, "/account"));
  const now = new Date();
  const tierName = (slug: string) => {
    const tier = viewer.tiers.find((x) => x.slug === slug);
    return tier ? (lang === "en" ? tier.nameEn : tier.name) : slug;
  };
  const { access } = viewer;
  const db = await getDb();
  const [account, suppressed] = await Promise.all([getPublicationMember(db, pub.id, viewer.member.id), suppressedAmong(db, [viewer.member.email])]);
  // This publication's grants; access through another publication's bundle is named below.
  const paidGrants = viewer.grants.filter((g) => g.publicationId === pub.id && g.tierSlug !== "free");
  const through =
    access.grant && "publicationId" in access.grant && access.grant.publicationId !== pub.id ? publicationById(Number(access.grant.publicationId)) : null;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <h1 className="headline text-3xl font-bold">{t.account.title}</h1>
      <dl className="grid gap-3 rounded border border-rule bg-white p-5 sm:grid-cols-[10rem_1fr]">
        <dt className="font-semibold text-muted">{t.account.email}</dt>
        <dd>{viewer.member.email}</dd>
        <dt className="font-semibold text-muted">{t.account.tier}</dt>
        <dd data-testid="account-tier">
          <strong>{tierName(access.tier.slug)}</strong>{" "}
          <span className="text-muted">{access.until ? t.account.until(formatDate(access.until, lang, pub.timeZone)) : ""}</span>
          {through ? <span className="block text-sm text-muted">{t.account.throughBundle(publicationName(through, lang))}</span> : null}
        </dd>
      </dl>
      <AccountSection id="grants-heading" heading={t.account.grants}>
        {paidGrants.length === 0 ? (
          <p className="text-muted">{t.account.noGrants}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-ink">
                  {Object.values(t.account.columns).map((c) => (
                    <th key={c} scope="col" className="py-2 pr-4">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {paidGrants.map((g) => (
                  <tr key={g.id} className="border-b border-rule">
                    <td className="py-2 pr-4 font-semibold">{tierName(g.tierSlug)}</td>
                    <td className="py-2 pr-4">{t.account.source[g.source] ?? g.source}</td>
                    <td className="py-2 pr-4">{formatDate(g.startsAt, lang, pub.timeZone)}</td>
                    <td className="py-2 pr-4">{g.endsAt ? formatDate(g.endsAt, lang, pub.timeZone) : t.account.noEnd}</td>
                    <td className="py-2 pr-4">{t.account.status[resolveGrantStatus(toGrantLike(g), now)]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AccountSection>
      <BillingPanel lang={lang} timeZone={pub.timeZone} account={viewer} />
      <PrivateFeedSection lang={lang} timeZone={pub.timeZone} publicationId={pub.id} memberId={viewer.member.id} tier={access.tier} />
      <MailPreferencesPanel
        lang={lang}
        publicationName={publicationName(pub, lang)}
        initial={{ newsletter: account?.newsletter ?? true, notifyReplies: account?.notifyReplies ?? false, lang: account?.lang ?? lang }}
        suppressed={suppressed.size > 0}
      />
      <SelfServiceSection lang={lang} displayName={viewer.member.displayName} />
      <div className="flex flex-wrap gap-3">
        <Link href={localePath(lang, "/pricing")} className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
          {t.account.upgrade}
        </Link>
        <SignOutButton label={t.signin.signOut} callbackUrl={lang === "en" ? "/en" : "/"} />
      </div>
    </div>
  );
}
