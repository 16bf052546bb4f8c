import { z } from "zod";
import type { Db } from "@/db/client";
import { getTierById, insertTier, updateTier } from "@/db/queries/studio-tiers";
import { listTiers } from "@/db/queries/taxonomy";
import { bumpAccessGeneration } from "@/db/queries/members";
import { noteGeneration } from "@/lib/auth/epochs";
import type { Tier } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { recordAudit, type Actor } from "./audit";
import { announceContentChange } from "./content-events";
import { actorPublication } from "./pieces";
import { studioMessage } from "./messages";

const lines = z
  .string()
  .max(4000)
  .transform((s) =>
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  );
const amount = z.union([z.literal("").transform(() => null), z.coerce.number().int().min(0).max(100_000_000)]);
const priceId = z
  .string()
  .trim()
  .max(200)
  .transform((s) => s || null);

export const tierInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,40}$/, "슬러그는 영문 소문자로 시작하는 2–41자입니다.")
    .optional(),
  name: z.string().trim().min(1, "이름을 입력하세요.").max(60),
  nameEn: z.string().trim().min(1, "영문 이름을 입력하세요.").max(60),
  rank: z.coerce.number().int().min(0).max(1000),
  canComment: z.boolean(),
  benefits: lines,
  benefitsEn: lines,
  monthlyAmount: amount,
  yearlyAmount: amount,
  currency: z
    .string()
    .trim()
    .regex(/^[a-z]{3}$/, "통화는 ISO 코드 소문자 3자 (krw, usd…)"),
  stripeMonthlyPriceId: priceId,
  stripeYearlyPriceId: priceId,
});
export type TierInput = z.output<typeof tierInputSchema>;

// Tier ranks order access (lib/access): "free" is rank 0 for good, paid tiers rank above it, and no
// two tiers share a rank. The slugs "anon" and "public" are reserved words of the access model.
async function checkRank(db: Db, pub: number, input: TierInput, existing: Tier | null): Promise<void> {
  const slug = existing?.slug ?? input.slug;
  if (slug === "free" && input.rank !== 0) throw new AppError("invalid", "rank", "free 등급의 순위는 0으로 고정입니다.");
  if (slug !== "free" && input.rank < 1) throw new AppError("invalid", "rank", "유료 등급의 순위는 1 이상이어야 합니다.");
  const clash = (await listTiers(db, pub)).find((t) => t.rank === input.rank && t.id !== existing?.id);
  if (clash) throw new AppError("conflict", "rank", `순위 ${input.rank}은(는) 이미 ${clash.slug} 등급이 씁니다.`);
}

// A tier of the actor's publication (its admins).
export async function saveTier(db: Db, actor: Actor, id: number | null, input: TierInput): Promise<Tier> {
  if (actor.role !== "admin") throw new AppError("forbidden", "tier", studioMessage("tierAdminsOnly"));
  const pub = actorPublication(actor);
  const existing = id === null ? null : await getTierById(db, pub, id);
  if (id !== null && !existing) throw new AppError("not_found", "tier", studioMessage("tierNotFound"));
  if (!existing && (!input.slug || ["anon", "public", "free"].includes(input.slug)))
    throw new AppError("invalid", "slug", "새 등급의 슬러그를 입력하세요 (anon, public, free 제외).");
  if (!existing && (await listTiers(db, pub)).some((t) => t.slug === input.slug)) throw new AppError("conflict", "slug", "이미 있는 슬러그입니다.");
  await checkRank(db, pub, input, existing);
  const { slug, ...values } = input;
  const row = await db.transaction(async (tx) => {
    const saved = existing ? await updateTier(tx, existing.id, values) : await insertTier(tx, { ...values, publicationId: pub, slug: slug! });
    if (!saved) throw new AppError("not_found", "tier", studioMessage("tierNotFound"));
    // A rank or comment right decides what members read and may do: sessions are re-derived.
    if (!existing || existing.rank !== saved.rank || existing.canComment !== saved.canComment) noteGeneration(await bumpAccessGeneration(tx));
    await recordAudit(tx, actor, {
      action: existing ? "tier.update" : "tier.create",
      subjectType: "tier",
      subjectId: saved.id,
      summary: `등급 ${saved.slug}: ${saved.name} (rank ${saved.rank})`,
      details: { before: existing, after: saved },
    });
    return saved;
  });
  // Install-wide: bundles name tiers across publications.
  await announceContentChange(db, { publicationId: null, slugs: [], lists: true, tiers: true });
  return row;
}
