import "server-only";
import type { Db } from "@/db/client";
import { getPublicationById } from "@/db/queries/publications";
import { getTierById, updateTier } from "@/db/queries/studio-tiers";
import { isPaidTier } from "@/lib/access";
import { stripeLookupKey, stripeTierKey } from "@/lib/billing/tiers";
import { actorPublication } from "./pieces";
import { getStripe } from "@/lib/billing/stripe/client";
import { AppError } from "@/lib/http/errors";
import { recordAudit, type Actor } from "./audit";
import { studioMessage } from "./messages";

// Creates the tier's product and its monthly/yearly prices in Stripe, with the lookup keys the
// webhook maps back to tiers (`[<publication>.]<slug>_monthly|yearly`, lib/billing/tiers.ts), and
// stores their ids.
export async function createStripePrices(db: Db, actor: Actor, tierId: number) {
  const stripe = getStripe();
  if (!stripe) throw new AppError("invalid", "stripe", "STRIPE_SECRET_KEY가 없어 Stripe 가격을 만들 수 없습니다. 가격 ID를 직접 입력하세요.");
  const pub = await getPublicationById(db, actorPublication(actor));
  const tier = pub ? await getTierById(db, pub.id, tierId) : null;
  if (!pub || !tier || !isPaidTier(tier)) throw new AppError("not_found", "tier", studioMessage("paidTierNotFound"));
  const key = stripeTierKey(pub, tier.slug);
  const plans = [
    ["monthly", "month", tier.monthlyAmount],
    ["yearly", "year", tier.yearlyAmount],
  ] as const;
  if (plans.some(([, , amount]) => amount === null)) throw new AppError("invalid", "monthlyAmount", "월간·연간 금액을 먼저 저장하세요.");
  const product = await stripe.products.create({ name: `${pub.nameEn ?? pub.name} · ${tier.nameEn || tier.name}`, metadata: { tier: key } });
  const ids: Record<string, string> = {};
  for (const [interval, recurring, amount] of plans) {
    const price = await stripe.prices.create({
      product: product.id,
      currency: tier.currency,
      unit_amount: amount ?? 0,
      recurring: { interval: recurring },
      lookup_key: stripeLookupKey(pub, tier.slug, interval),
      transfer_lookup_key: true,
      metadata: { tier: key },
    });
    ids[interval] = price.id;
  }
  const saved = await updateTier(db, tier.id, { stripeMonthlyPriceId: ids.monthly, stripeYearlyPriceId: ids.yearly });
  await recordAudit(db, actor, {
    action: "tier.stripe_prices",
    subjectType: "tier",
    subjectId: tier.id,
    summary: `Stripe 가격 생성: ${tier.slug}`,
    details: { product: product.id, ...ids },
  });
  return saved;
}
