"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { billingSettings } from "@/lib/billing/config";
import { isPortOneConfigured } from "@/lib/billing/portone/config";
import { refundCurrentPeriod, setCancelAtPeriodEnd } from "@/lib/billing/portone/manage";
import { getPortOneApi } from "@/lib/billing/portone/runtime";
import { formLang } from "@/lib/billing/request";
import { AppError } from "@/lib/http/errors";
import { dict } from "@/lib/i18n";
import { requestPublication } from "@/lib/publications/current";
import type { ActionResult } from "@/lib/studio/action-result";

export type PortOnePortalResult = ActionResult<{ action: "cancel" | "resume" | "refund"; subscriptionId: string }> | null;

const inputSchema = z.object({ action: z.enum(["cancel", "resume", "refund"]), subscriptionId: z.string().regex(/^pos_[0-9a-f]{20}$/) });
const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

// A member's PortOne subscription: cancel at period end, take it back, and — in the stand-in demo
// only, like the Stripe demo portal — refund the current period (with keys, refunds are the
// publisher's: `npm run masthead -- portone:refund`). Ownership is checked in lib/billing/portone.
export async function portonePortalAction(_prev: PortOnePortalResult, form: FormData): Promise<PortOnePortalResult> {
  const t = dict(formLang(text(form.get("lang")))).billing;
  const fail = (code: string): PortOnePortalResult => ({ ok: false, error: { code, message: t.actionFailed } });
  const viewer = await getViewer((await requestPublication()).id);
  if (!viewer.signedIn) return fail("unauthorized:portal");
  const input = inputSchema.safeParse({ action: text(form.get("action")), subscriptionId: text(form.get("subscriptionId")) });
  if (!input.success) return fail("invalid:input");
  const { action, subscriptionId } = input.data;
  const db = await getDb();
  const common = { subscriptionId, memberId: viewer.member.id, pastDueGraceMs: billingSettings().pastDueGraceMs };
  try {
    if (action === "refund") {
      if (isPortOneConfigured()) return fail("forbidden:portal");
      await refundCurrentPeriod(db, await getPortOneApi(), { ...common, reason: "demo portal refund" }, new Date());
    } else {
      await setCancelAtPeriodEnd(db, { ...common, cancel: action === "cancel" }, new Date());
    }
    return { ok: true, data: { action, subscriptionId } };
  } catch (err) {
    if (err instanceof AppError) return fail(err.code);
    throw err;
  }
}
