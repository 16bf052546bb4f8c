import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getMemberByEmail } from "@/db/queries/members";
import { listTiers } from "@/db/queries/taxonomy";
import { isPaidTier, paidTiers, resolveGrantStatus } from "@/lib/access";
import { emailSchema } from "@/lib/auth/email";
import { loadMemberAccess, toGrantLike } from "@/lib/auth/member-access";
import { AppError } from "@/lib/http/errors";

// A member as one publication sees them: access there (bundles included) and its own grants.
export async function memberJson(db: Db, publicationId: number, email: string, now = new Date()) {
  const member = await getMemberByEmail(db, email);
  if (!member) return null;
  const loaded = await loadMemberAccess(db, member.id, publicationId, now);
  if (!loaded) return null;
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    role: member.role,
    createdAt: member.createdAt.toISOString(),
    access: { tier: loaded.access.tier.slug, until: loaded.access.until?.toISOString() ?? null },
    grants: loaded.grants
      .filter((g) => g.publicationId === publicationId)
      .map((g) => ({
        id: g.id,
        tier: g.tierSlug,
        startsAt: g.startsAt.toISOString(),
        endsAt: g.endsAt?.toISOString() ?? null,
        source: g.source,
        note: g.note,
        revokedAt: g.revokedAt?.toISOString() ?? null,
        status: resolveGrantStatus(toGrantLike(g), now),
      })),
  };
}

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const grantBodySchema = z
  .object({
    tier: z.string().min(1).max(64),
    startsAt: instant.optional(),
    endsAt: instant.nullable(),
    note: z.string().max(500).optional(),
  })
  .strict();

// `tier` is a tier slug of the publication at the request's host.
export async function parseGrantRequest(db: Db, publicationId: number, rawEmail: string, body: unknown, now = new Date()) {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) throw new AppError("invalid", "email", "The member email is not a valid address.");
  const input = grantBodySchema.parse(body);
  const tiers = await listTiers(db, publicationId);
  if (!tiers.some((t) => t.slug === input.tier && isPaidTier(t))) {
    throw new AppError(
      "invalid",
      "tier",
      `Unknown paid tier "${input.tier}". Known: ${paidTiers(tiers)
        .map((t) => t.slug)
        .join(", ")}.`,
    );
  }
  const startsAt = input.startsAt ?? now;
  if (input.endsAt && input.endsAt <= startsAt) throw new AppError("invalid", "grant", "endsAt must be after startsAt.");
  return { email: email.data, tierSlug: input.tier, startsAt, endsAt: input.endsAt, note: input.note ?? null };
}
