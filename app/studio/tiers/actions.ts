"use server";

import { refresh } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { requireStaffAction } from "@/lib/studio/guard";
import { revalidateContent } from "@/lib/studio/revalidate";
import { createStripePrices } from "@/lib/studio/stripe-prices";
import { saveTier, tierInputSchema } from "@/lib/studio/tiers";

const text = (fd: FormData, k: string) => (typeof fd.get(k) === "string" ? String(fd.get(k)) : "");

// Admins only: an editor or reader posting here directly gets a 403.
export async function saveTierAction(id: number | null, _prev: ActionResult<{ id: number }> | null, fd: FormData): Promise<ActionResult<{ id: number }>> {
  const actor = await requireStaffAction("admin");
  return runAction(async () => {
    const input = tierInputSchema.parse({
      slug: id === null ? text(fd, "slug") : undefined,
      name: text(fd, "name"),
      nameEn: text(fd, "nameEn"),
      rank: text(fd, "rank"),
      canComment: fd.get("canComment") === "on",
      benefits: text(fd, "benefits"),
      benefitsEn: text(fd, "benefitsEn"),
      monthlyAmount: text(fd, "monthlyAmount"),
      yearlyAmount: text(fd, "yearlyAmount"),
      currency: text(fd, "currency") || "krw",
      stripeMonthlyPriceId: text(fd, "stripeMonthlyPriceId"),
      stripeYearlyPriceId: text(fd, "stripeYearlyPriceId"),
    });
    const tier = await saveTier(await getDb(), actor, id, input);
    // Tier names, ranks and prices show on paywalls, cards and the pricing page of every tier.
    revalidateContent({ publicationId: null, slugs: [], lists: true, tiers: true });
    refresh();
    return { id: tier.id };
  });
}

export async function createStripePricesAction(tierId: number): Promise<ActionResult<{ id: number }>> {
  const actor = await requireStaffAction("admin");
  return runAction(async () => {
    await createStripePrices(await getDb(), actor, tierId);
    revalidateContent({ publicationId: null, slugs: [], lists: false, tiers: true });
    refresh();
    return { id: tierId };
  });
}
