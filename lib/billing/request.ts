import { z } from "zod";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { uiLangs, type UiLang } from "@/lib/i18n";

// Small helpers for the billing form posts (pricing → checkout, account → portal).

/** 303 with a relative Location (or Stripe's absolute URL): the browser follows it with a GET. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

/**
 * The session cookie is SameSite=Lax, which already keeps it off cross-site POSTs; refusing a
 * foreign Origin as well means a third-party page cannot start a checkout for a signed-in reader
 * even in browsers that relax Lax. Requests without Origin (non-browser clients) pass.
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "origin", "Cross-site request refused.");
  }
  const allowed = [req.headers.get("x-forwarded-host"), req.headers.get("host"), new URL(siteUrl()).host].filter(Boolean);
  if (!allowed.includes(host)) throw new AppError("forbidden", "origin", "Cross-site request refused.");
}

/** The posted form's string fields (files and repeated names ignored). */
export async function readFormFields(req: Request): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", "form", "Send the form as application/x-www-form-urlencoded or multipart/form-data.");
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !(key in fields)) fields[key] = value;
  return fields;
}

export const formLang = (value: string | undefined): UiLang => z.enum(uiLangs).catch("ko").parse(value);
