"use server";

import { getDb } from "@/db/client";
import { setMailPreferences } from "@/db/queries/publication-members";
import { getViewer } from "@/lib/auth/viewer";
import { dict, isUiLang, type UiLang } from "@/lib/i18n";
import { requestPublication } from "@/lib/publications/current";

export type MailPreferencesView = { newsletter: boolean; notifyReplies: boolean; lang: UiLang };
export type MailPreferencesState = { ok: true; data: MailPreferencesView; message: string } | { ok: false; message: string } | null;

// The account page's mail settings for the publication at the request's host. The member comes
// from the session on the server; the form carries only the choices. The language of the page the
// member saved from becomes the language of their mail.
export async function saveMailPreferencesAction(_prev: MailPreferencesState, form: FormData): Promise<MailPreferencesState> {
  const raw = String(form.get("lang") ?? "");
  const lang: UiLang = isUiLang(raw) ? raw : "ko";
  const t = dict(lang).account.mail;
  const pub = await requestPublication();
  const viewer = await getViewer(pub.id);
  if (!viewer.signedIn) return { ok: false, message: t.failed };
  const row = await setMailPreferences(await getDb(), pub.id, viewer.member.id, {
    newsletter: form.get("newsletter") === "on",
    notifyReplies: form.get("notifyReplies") === "on",
    lang,
  });
  return { ok: true, data: { newsletter: row.newsletter, notifyReplies: row.notifyReplies, lang }, message: t.saved };
}
