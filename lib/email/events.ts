import { z } from "zod";
import type { Db } from "@/db/client";
import { suppressAddress } from "@/db/queries/email";
import { emailSchema } from "@/lib/auth/email";

// Bounce and complaint reports (from the MTA, the ESP's webhook or an operator): each address is
// suppressed, so no newsletter or notice goes to it again and nothing is retried forever.

const event = z.object({
  type: z.enum(["bounce", "complaint"]),
  email: emailSchema,
  detail: z.string().max(500).optional(),
});

export const emailEventsSchema = z.union([event.transform((e) => [e]), z.object({ events: z.array(event).min(1).max(1000) }).transform((b) => b.events)]);

export async function applyEmailEvents(db: Db, events: z.output<typeof emailEventsSchema>, at = new Date()): Promise<{ suppressed: number; already: number }> {
  let suppressed = 0;
  for (const e of events) if (await suppressAddress(db, e.email, e.type, e.detail ?? null, at)) suppressed++;
  return { suppressed, already: events.length - suppressed };
}
