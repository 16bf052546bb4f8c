import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { listTiers } from "@/db/queries/taxonomy";
import { RENDER_TTL_SECONDS, tiersTag } from "@/lib/articles/cache-tags";

export type PlanView = {
  slug: string;
  name: string;
  nameEn: string;
  rank: number;
  canComment: boolean;
  benefits: string[];
  benefitsEn: string[];
  monthlyAmount: number | null;
  yearlyAmount: number | null;
  currency: string;
};

// The plans shown on /pricing: the same for every reader, so cached and tagged with the tiers.
export const getPlans = (pub: number): Promise<PlanView[]> =>
  unstable_cache(
    async () =>
      (await listTiers(await getDb(), pub)).map((t) => ({
        slug: t.slug,
        name: t.name,
        nameEn: t.nameEn,
        rank: t.rank,
        canComment: t.canComment,
        benefits: t.benefits,
        benefitsEn: t.benefitsEn,
        monthlyAmount: t.monthlyAmount,
        yearlyAmount: t.yearlyAmount,
        currency: t.currency,
      })),
    ["plans", String(pub)],
    { tags: [tiersTag(pub)], revalidate: RENDER_TTL_SECONDS },
  )();
