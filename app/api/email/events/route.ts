import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { requireAdminToken } from "@/lib/admin-api/auth";
import { getEnv } from "@/lib/env";
import { applyEmailEvents, emailEventsSchema } from "@/lib/email/events";
import { readJson, withErrors } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const digest = (s: string) => createHash("sha256").update(s).digest();

// POST /api/email/events {type: "bounce"|"complaint", email, detail?} or {events: [...]}: suppresses
// the addresses (README "Deliverability"). Authorized by EMAIL_EVENTS_SECRET (for the mail
// server's or provider's webhook) or any Admin API token.
export const POST = withErrors(async (req: Request) => {
  const secret = getEnv().EMAIL_EVENTS_SECRET;
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!(secret && bearer && timingSafeEqual(digest(bearer), digest(secret)))) await requireAdminToken(req);
  const events = emailEventsSchema.parse(await readJson(req, 512 * 1024));
  return Response.json(await applyEmailEvents(await getDb(), events));
});
