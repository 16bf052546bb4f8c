// What each notice says, fixed when it is queued (a receipt names the amount paid then, not a later
// price). Stored as the queue row's payload and checked again when read back.
import { z } from "zod";

const names = z.object({ ko: z.string(), en: z.string() });
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "an ISO instant");

export const noticePayloadSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("welcome") }),
  z.object({
    kind: z.literal("receipt"),
    amount: z.number().int().nonnegative(),
    currency: z.string().min(3).max(3),
    tierName: names,
    periodStart: iso.nullable(),
    periodEnd: iso.nullable(),
    reference: z.string().min(1),
    vat: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal("cancellation"), tierName: names, accessEnds: iso.nullable() }),
  z.object({ kind: z.literal("grant_ending"), tierName: names, endsAt: iso }),
  z.object({ kind: z.literal("comment_reply"), articleTitle: z.string(), replierName: z.string(), excerpt: z.string(), url: z.string() }),
  z.object({ kind: z.literal("account_moved") }),
  // A studio invitation for an address that had no account; the grant, when one came with it.
  z.object({ kind: z.literal("invitation"), tierName: names.nullable(), endsAt: iso.nullable() }),
  z.object({
    kind: z.literal("price_change"),
    tierName: names,
    oldAmount: z.number().int().nonnegative(),
    newAmount: z.number().int().positive(),
    currency: z.string().min(3).max(3),
    effectiveAt: iso,
  }),
]);

export type NoticePayload = z.infer<typeof noticePayloadSchema>;
export type NoticeKind = NoticePayload["kind"];
