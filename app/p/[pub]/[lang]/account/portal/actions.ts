"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { requestPublication } from "@/lib/publications/current";
import { DemoDeliveryError, demoDeps } from "@/lib/billing/demo/deliver";
import { demoPortalActions, runDemoPortalAction, type DemoPortalAction } from "@/lib/billing/demo/flow";
import { formLang } from "@/lib/billing/request";
import { isStripeConfigured } from "@/lib/billing/stripe/client";
import { AppError } from "@/lib/http/errors";
import { dict } from "@/lib/i18n";
import type { ActionResult } from "@/lib/studio/action-result";

export type PortalActionResult = ActionResult<{ action: DemoPortalAction; subscriptionId: string }> | null;

const inputSchema = z.object({ action: z.enum(demoPortalActions), subscriptionId: z.string().regex(/^sub_demo[0-9a-f]{20}$/) });
const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

// The demo portal's buttons: cancel at period end, resume, refund the last payment. The viewer and
// the subscription's owner are checked here; the change itself is the webhook's.
export async function demoPortalAction(_prev: PortalActionResult, form: FormData): Promise<PortalActionResult> {
  const t = dict(formLang(text(form.get("lang")))).billing;
  const fail = (code: string): PortalActionResult => ({ ok: false, error: { code, message: t.actionFailed } });
  if (isStripeConfigured()) return fail("forbidden:portal");
  const viewer = await getViewer((await requestPublication()).id);
  if (!viewer.signedIn) return fail("unauthorized:portal");
  const input = inputSchema.safeParse({ action: text(form.get("action")), subscriptionId: text(form.get("subscriptionId")) });
  if (!input.success) return fail("invalid:input");
  try {
    const done = await runDemoPortalAction(await getDb(), viewer.member, input.data.subscriptionId, input.data.action, demoDeps(), new Date());
    return { ok: true, data: done };
  } catch (err) {
    if (err instanceof AppError) return fail(err.code);
    if (err instanceof DemoDeliveryError) {
      console.error(`[billing] demo ${input.data.action} for member ${viewer.member.id}: ${err.message}`);
      return fail("internal:webhook");
    }
    throw err;
  }
}
