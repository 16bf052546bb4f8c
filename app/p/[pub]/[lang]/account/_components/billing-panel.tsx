import { getDb } from "@/db/client";
import { listMemberSubscriptions } from "@/db/queries/billing";
import { resolveGrantStatus } from "@/lib/access";
import { toGrantLike, type MemberAccess } from "@/lib/auth/member-access";
import { isDemoSubscriptionId } from "@/lib/billing/demo/state";
import { isBillingSource } from "@/lib/billing/provider";
import { resolveRenewal } from "@/lib/billing/subscription-view";
import { dict, formatDate, type UiLang } from "@/lib/i18n";
import { AccountSection } from "./account-section";

const SHOWN = 3;

// The account page's subscription block: each live subscription with its renew/end date, and
// "Manage subscription" (Stripe's customer portal, or the demo portal without Stripe keys).
// Hidden for members who never subscribed.
export async function BillingPanel({ lang, timeZone, account }: { lang: UiLang; timeZone: string; account: MemberAccess }) {
  const t = dict(lang).billing;
  const subs = await listMemberSubscriptions(await getDb(), account.member.id);
  if (subs.length === 0 && !account.member.stripeCustomerId) return null;
  const now = new Date();
  const rows = subs.flatMap((sub) => {
    const grant = account.grants.find((g) => isBillingSource(g.source) && g.sourceRef === sub.id);
    if (!grant?.endsAt || resolveGrantStatus(toGrantLike(grant), now) !== "active") return [];
    const tier = account.tiers.find((x) => x.slug === grant.tierSlug);
    return [{ sub, name: tier ? (lang === "en" ? tier.nameEn : tier.name) : grant.tierSlug, renewal: resolveRenewal(sub, grant.endsAt) }];
  });
  return (
    <AccountSection id="billing-heading" heading={t.panelTitle} testId="billing-panel">
      {rows.slice(0, SHOWN).map(({ sub, name, renewal }) => (
        <p key={sub.id} className="rounded border border-rule bg-white p-4" data-testid="billing-subscription">
          <strong>{name}</strong> · {t.status[sub.status ?? ""] ?? sub.status} ·{" "}
          <span className="text-muted">
            {renewal.renews ? t.renewsOn(formatDate(renewal.at, lang, timeZone)) : t.cancelScheduled(formatDate(renewal.at, lang, timeZone))}
          </span>
        </p>
      ))}
      <form action="/api/billing/portal" method="post" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="lang" value={lang} />
        <button type="submit" className="rounded border border-ink bg-white px-4 py-2 font-semibold hover:bg-black/5" data-testid="manage-subscription">
          {t.manage}
        </button>
        {/* Only Stripe's own portal changes cards and plans and lists invoices; the demo's does not. */}
        <span className="text-sm text-muted" data-testid="manage-hint">
          {subs.length > 0 && subs.every((s) => isDemoSubscriptionId(s.id)) ? t.manageHintDemo : t.manageHint}
        </span>
      </form>
    </AccountSection>
  );
}
