import { z } from "zod";
import type { Db } from "@/db/client";
import { bumpAccessGeneration } from "@/db/queries/members";
import { findHostOwners, getPrimaryPublication, getPublicationBySlug, insertPublication, listAllTiers, setTierIncludes } from "@/db/queries/publications";
import { insertTier } from "@/db/queries/studio-tiers";
import { locales } from "@/db/schema";
import { isPaidTier } from "@/lib/access";
import { noteGeneration } from "@/lib/auth/epochs";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { recordAudit, type Actor } from "@/lib/studio/audit";
import { announceContentChange } from "@/lib/studio/content-events";
import { hostnameOf, hostnameProblem, publicationSlugProblem } from "./model";

// Network-wide administration: creating publications and bundles (network admins, the CLI).

export const newPublicationSchema = z.object({
  slug: z.string().trim().toLowerCase(),
  name: z.string().trim().min(1, "이름을 입력하세요 (name is required).").max(100),
  nameEn: z.string().trim().max(100).optional(),
  hosts: z.array(z.string().trim().toLowerCase()).min(1, "호스트 이름을 하나 이상 입력하세요 (at least one hostname).").max(10),
  locale: z.enum(locales).default("ko"),
  accentColor: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, "색은 #rrggbb 형식입니다.")
    .optional(),
});
export type NewPublication = z.input<typeof newPublicationSchema>;

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

const requireNetwork = (actor: Actor) => {
  if (!actor.network || actor.role !== "admin") throw new AppError("forbidden", "publication", "Only network admins create publications and bundles.");
};

/**
 * A new publication with its hostnames and the tiers `free` and `premium` (may comment) to start.
 * A slug or hostname another publication (or SITE_URL) already has is a clear 409 and nothing is
 * created: one transaction, and the unique indexes settle a race.
 */
export async function createPublication(db: Db, actor: Actor, raw: NewPublication) {
  requireNetwork(actor);
  const input = newPublicationSchema.parse(raw);
  const slugProblem = publicationSlugProblem(input.slug);
  if (slugProblem) throw new AppError("invalid", "slug", slugProblem);
  const hosts = [...new Set(input.hosts)];
  for (const h of hosts) {
    const problem = hostnameProblem(h);
    if (problem) throw new AppError("invalid", "hosts", problem);
  }
  if (await getPublicationBySlug(db, input.slug)) throw new AppError("conflict", "slug", `A publication "${input.slug}" already exists.`);
  const siteHost = hostnameOf(new URL(siteUrl()).host);
  const taken = [...(await findHostOwners(db, hosts)).map((o) => o.hostname), ...hosts.filter((h) => h === siteHost)];
  if (taken.length) throw new AppError("conflict", "hosts", `Another publication already answers on ${[...new Set(taken)].join(", ")}.`);
  try {
    const pub = await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const created = await insertPublication(
        tx,
        {
          slug: input.slug,
          name: input.name,
          nameEn: input.nameEn || null,
          locale: input.locale,
          ...(input.accentColor ? { accentColor: input.accentColor } : {}),
        },
        hosts,
      );
      await insertTier(tx, {
        publicationId: created.id,
        slug: "free",
        name: "무료 회원",
        nameEn: "Free",
        rank: 0,
        canComment: false,
        benefits: ["회원 전용 기사 읽기"],
        benefitsEn: ["Members-only pieces"],
        currency: "krw",
      });
      await insertTier(tx, {
        publicationId: created.id,
        slug: "premium",
        name: "프리미엄",
        nameEn: "Premium",
        rank: 1,
        canComment: true,
        benefits: ["모든 기사"],
        benefitsEn: ["Every piece"],
        monthlyAmount: 9900,
        yearlyAmount: 99000,
        currency: "krw",
      });
      await recordAudit(tx, actor, {
        action: "publication.create",
        subjectType: "publication",
        subjectId: created.id,
        publicationId: created.id,
        summary: `발행처 생성: ${created.name} (${hosts.join(", ")})`,
        details: { slug: created.slug, hosts },
      });
      await announceContentChange(tx, { publicationId: null, slugs: [], lists: false, publications: true, tiers: true });
      return created;
    });
    return { ...pub, hosts };
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError("conflict", "publication", "Another publication took this slug or hostname at the same moment; nothing was created.");
    throw err;
  }
}

// `data.premium` → (data, premium); a bare slug names the primary publication's tier.
async function resolveTierKey(db: Db, key: string) {
  const { tiers } = await listAllTiers(db);
  const [pubSlug, tierSlug] = key.includes(".") ? key.split(".", 2) : [null, key];
  const pub = pubSlug ? await getPublicationBySlug(db, pubSlug) : await getPrimaryPublication(db);
  if (!pub) throw new AppError("invalid", "tier", `No publication "${pubSlug}".`);
  const tier = tiers.find((t) => t.slug === tierSlug && t.publicationId === pub.id);
  if (!tier) throw new AppError("invalid", "tier", `No tier "${key}".`);
  return tier;
}

/**
 * Sets which tiers of other publications a tier includes (a bundle: `premium` of A includes
 * `premium` of B). Replaces the tier's whole list; an empty list ends the bundle. Members' sessions
 * pick it up on their next claims refresh (bundles are resolved when claims are derived).
 */
export async function setBundle(db: Db, actor: Actor, tierId: number, includedTierIds: number[]) {
  requireNetwork(actor);
  const { tiers } = await listAllTiers(db);
  const tier = tiers.find((t) => t.id === tierId);
  if (!tier) throw new AppError("not_found", "tier", "No tier has this id.");
  const included = [...new Set(includedTierIds)].map((id) => tiers.find((t) => t.id === id));
  if (included.some((t) => !t)) throw new AppError("invalid", "includes", "An included tier does not exist.");
  if (included.some((t) => t!.publicationId === tier.publicationId))
    throw new AppError("invalid", "includes", "A bundle includes tiers of other publications only.");
  if (included.some((t) => !isPaidTier(t!)) || !isPaidTier(tier)) throw new AppError("invalid", "includes", "Bundles are made of paid tiers.");
  const generation = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await setTierIncludes(
      tx,
      tierId,
      included.map((x) => x!.id),
    );
    // Who reads what changed for every member of these tiers: every session is re-derived.
    const bumped = await bumpAccessGeneration(tx);
    await recordAudit(tx, actor, {
      action: "tier.bundle",
      subjectType: "tier",
      subjectId: tierId,
      publicationId: tier.publicationId,
      summary: `번들: ${tier.slug} ⊃ ${included.map((x) => `#${x!.id} ${x!.slug}`).join(", ") || "없음"}`,
      details: { includes: included.map((x) => x!.id) },
    });
    await announceContentChange(tx, { publicationId: null, slugs: [], lists: false, tiers: true });
    return bumped;
  });
  noteGeneration(generation);
  return { tier, included: included.map((x) => x!) };
}

export async function setBundleByKeys(db: Db, actor: Actor, tierKey: string, includedKeys: string[]) {
  const tier = await resolveTierKey(db, tierKey);
  const included = [];
  for (const k of includedKeys) included.push(await resolveTierKey(db, k));
  return setBundle(
    db,
    actor,
    tier.id,
    included.map((t) => t.id),
  );
}
