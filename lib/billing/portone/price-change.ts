import type { Db } from "@/db/client";
import { enqueueNotice } from "@/db/queries/email";
import { getMemberById } from "@/db/queries/members";
import { insertPriceChange, insertPriceChangeNotices, listLiveTierSubscriptions } from "@/db/queries/portone";
import { listTiers } from "@/db/queries/taxonomy";
import type { PortOneInterval } from "@/db/schema";
import { isPaidTier } from "@/lib/access";
import { AppError } from "@/lib/http/errors";
import { recordAudit, type Actor } from "@/lib/studio/audit";
import { krwPriceProblem } from "./periods";

// A price change for a tier's existing PortOne subscribers. Korean law (전자상거래법 and the
// 2024 subscription-economy rules) wants subscribers told at least 30 days before a price rise
// or a free-to-paid conversion. Each live subscription gets a `price_change` notice through the
// email queue (lib/email), recorded in price_change_notices; the renewal job (renewal.ts) charges
// the new amount only for a period that starts after the change took effect and at least 30 days
// after that subscription's notice was queued. New subscribers pay the tier's price as set in the
// studio.

export const PRICE_NOTICE_DAYS = 30;
export const PRICE_NOTICE_MS = PRICE_NOTICE_DAYS * 86_400_000;

/** Why a change cannot be announced now (null: it can). Pure. */
export function priceChangeProblem(input: { newAmount: number; currency: string; effectiveAt: Date }, now: Date): string | null {
  const price = krwPriceProblem(input.newAmount, input.currency);
  if (price) return price;
  const earliest = new Date(now.getTime() + PRICE_NOTICE_MS);
  if (input.effectiveAt < earliest) return `subscribers must be told ${PRICE_NOTICE_DAYS} days ahead: the earliest effective date is ${earliest.toISOString()}`;
  return null;
}

export type PriceChangeInput = { publicationId: number; tierSlug: string; interval: PortOneInterval; newAmount: number; effectiveAt: Date };

export async function announcePriceChange(db: Db, actor: Actor, input: PriceChangeInput, now = new Date()) {
  const tier = (await listTiers(db, input.publicationId)).find((t) => t.slug === input.tierSlug);
  if (!tier || !isPaidTier(tier)) throw new AppError("invalid", "tier", `No paid tier "${input.tierSlug}" in this publication.`);
  const problem = priceChangeProblem({ newAmount: input.newAmount, currency: "krw", effectiveAt: input.effectiveAt }, now);
  if (problem) throw new AppError("invalid", "price_change", problem);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const change = await insertPriceChange(tx, {
      publicationId: input.publicationId,
      tierSlug: input.tierSlug,
      interval: input.interval,
      oldAmount: input.interval === "monthly" ? tier.monthlyAmount : tier.yearlyAmount,
      newAmount: input.newAmount,
      effectiveAt: input.effectiveAt,
      announcedAt: now,
      createdBy: actor.label,
    });
    const subs = await listLiveTierSubscriptions(tx, input.publicationId, input.tierSlug, input.interval);
    const notified: { priceChangeId: number; subscriptionId: string; memberId: number; notifiedAt: Date }[] = [];
    for (const sub of subs) {
      const member = await getMemberById(tx, sub.memberId);
      if (!member) continue;
      await enqueueNotice(
        tx,
        {
          publicationId: input.publicationId,
          memberId: member.id,
          email: member.email,
          kind: "price_change",
          dedupeKey: `price_change:${change.id}:${sub.id}`,
          payload: {
            tierName: { ko: tier.name, en: tier.nameEn || tier.name },
            oldAmount: sub.amount,
            newAmount: input.newAmount,
            currency: "krw",
            effectiveAt: input.effectiveAt.toISOString(),
          },
        },
        now,
      );
      notified.push({ priceChangeId: change.id, subscriptionId: sub.id, memberId: member.id, notifiedAt: now });
    }
    await insertPriceChangeNotices(tx, notified);
    await recordAudit(tx, actor, {
      action: "billing.price_change",
      subjectType: "tier",
      subjectId: tier.id,
      publicationId: input.publicationId,
      summary: `가격 변경 예고: ${input.tierSlug} ${input.interval} ₩${input.newAmount} (${input.effectiveAt.toISOString().slice(0, 10)}부터), ${notified.length}명에게 안내`,
      details: { priceChangeId: change.id, notified: notified.length },
    });
    return { change, notified: notified.length };
  });
}
