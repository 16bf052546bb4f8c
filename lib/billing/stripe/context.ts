import type { z } from "zod";
import type { Tx } from "@/db/queries/billing";
import type { StripeEventStatus } from "@/db/schema/index";
import type { EventEnvelope } from "./payloads";
import type { BillingTier } from "../tiers";

// What every event handler receives. Handlers run inside the event's transaction: everything they
// write commits or rolls back together with the ledger row.
export type HandlerContext = {
  tx: Tx;
  event: EventEnvelope;
  /** event.created: the instant Stripe recorded the change (used for revocations, never `now`). */
  eventAt: Date;
  pastDueGraceMs: number;
  tiers: () => Promise<BillingTier[]>;
  /** member id → access epoch after the bump; announced with noteEpoch() once committed. */
  bumped: Map<number, number>;
};

export type HandlerResult = {
  status: StripeEventStatus;
  // The publication whose price the event concerned, when known (ledger, studio billing pages).
  publicationId?: number | null;
  reason?: string | null;
  memberId?: number | null;
  objectId?: string | null;
};

export type Handler = (ctx: HandlerContext) => Promise<HandlerResult>;

/** The payload lacks a field billing needs: recorded as unapplied, never retried. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PayloadError";
  }
}

// Handlers parse before they write anything, so a PayloadError never follows a partial write.
export function parsePayload<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const paths = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(root)"))].slice(0, 5);
  throw new PayloadError(`unexpected payload shape at ${paths.join(", ")}`);
}
