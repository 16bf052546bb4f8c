"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { setDisplayName } from "@/db/queries/account";
import { sendMail } from "@/lib/auth/mailer";
import { isSecureSite, sessionCookieDomain, sessionCookieName } from "@/lib/auth/session-cookie";
import { getViewer } from "@/lib/auth/viewer";
import { invalidateComments } from "@/lib/comments/cache";
import { AppError } from "@/lib/http/errors";
import { dict, isUiLang, localePath, type UiLang } from "@/lib/i18n";
import { originOf, requestPublication } from "@/lib/publications/current";
import { liveCancellers } from "./cancellers";
import { deleteMemberAccount, deletionConfirmed } from "./delete-account";
import { validateDisplayName } from "./display-name";
import { confirmEmailChange, requestEmailChange, type EmailChangeMailer } from "./email-change";
import { isEmailChangeTokenShape } from "./email-change-rules";

// The /account self-service forms. The member always comes from the session on the server (the
// forms carry only the choices), except the email-change confirmation, whose proof is the link.
export type AccountFormState = { ok: boolean; message: string; value?: string } | null;

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");
const formLang = (form: FormData): UiLang => {
  const raw = text(form.get("lang"));
  return isUiLang(raw) ? raw : "ko";
};

function mailer(lang: UiLang, origin: string): EmailChangeMailer {
  const t = dict(lang).selfService;
  return {
    confirmNewAddress: async (to, path) => {
      const url = `${origin}${localePath(lang, path)}`;
      const body = t.mailChangeText(url);
      await sendMail({
        to,
        subject: t.mailChangeSubject,
        text: body,
        html: `<p>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "<br>")}</p>`,
        url,
      });
    },
    notifyOldAddress: async (to, newEmail) => {
      const body = t.mailOldText(newEmail);
      await sendMail({ to, subject: t.mailOldSubject, text: body, html: `<p>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>` });
    },
  };
}

async function signedInViewer() {
  const pub = await requestPublication();
  const viewer = await getViewer(pub.id);
  return { pub, viewer };
}

export async function saveDisplayNameAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const t = dict(formLang(form)).selfService;
  const { viewer } = await signedInViewer();
  if (!viewer.signedIn) return { ok: false, message: t.failed };
  const raw = text(form.get("displayName"));
  // An empty field clears the name: comments go back to the anonymous label.
  if (raw.trim() === "") {
    await setDisplayName(await getDb(), viewer.member.id, null);
    return { ok: true, message: t.displayNameSaved, value: "" };
  }
  const checked = validateDisplayName(raw);
  if (!checked.ok) return { ok: false, message: t.displayNameErrors[checked.error], value: raw };
  await setDisplayName(await getDb(), viewer.member.id, checked.value);
  return { ok: true, message: t.displayNameSaved, value: checked.value };
}

const emailSchema = z.email().max(254);

export async function requestEmailChangeAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const lang = formLang(form);
  const t = dict(lang).selfService;
  const { pub, viewer } = await signedInViewer();
  if (!viewer.signedIn) return { ok: false, message: t.failed };
  const parsed = emailSchema.safeParse(text(form.get("email")).trim());
  if (!parsed.success) return { ok: false, message: t.emailInvalid, value: text(form.get("email")) };
  try {
    await requestEmailChange(await getDb(), viewer.member, parsed.data, mailer(lang, originOf(pub)), new Date());
    return { ok: true, message: t.linkSent(parsed.data.toLowerCase()) };
  } catch (err) {
    if (err instanceof AppError && err.type === "conflict") return { ok: false, message: t.emailTaken, value: parsed.data };
    throw err;
  }
}

export async function confirmEmailChangeAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const lang = formLang(form);
  const t = dict(lang).selfService;
  const token = text(form.get("token"));
  if (!isEmailChangeTokenShape(token)) return { ok: false, message: t.linkInvalid };
  const pub = await requestPublication();
  try {
    const done = await confirmEmailChange(await getDb(), token, mailer(lang, originOf(pub)), new Date(), pub.id);
    return { ok: true, message: t.confirmDone(done.email) };
  } catch (err) {
    if (err instanceof AppError && err.type === "not_found") return { ok: false, message: t.linkInvalid };
    if (err instanceof AppError && err.type === "conflict") return { ok: false, message: t.emailTaken };
    throw err;
  }
}

export async function deleteAccountAction(_prev: AccountFormState, form: FormData): Promise<AccountFormState> {
  const t = dict(formLang(form)).selfService;
  const { pub, viewer } = await signedInViewer();
  if (!viewer.signedIn) return { ok: false, message: t.failed };
  if (!deletionConfirmed(viewer.member, text(form.get("confirmEmail")))) return { ok: false, message: t.deleteMismatch };
  const db = await getDb();
  try {
    const done = await deleteMemberAccount(db, viewer.member, liveCancellers(db, viewer.member), new Date(), pub.id);
    for (const piece of done.pieces) invalidateComments(piece.publicationId, piece.slug);
  } catch (err) {
    if (err instanceof AppError && err.type === "unavailable") return { ok: false, message: t.deleteBilling };
    if (err instanceof AppError && err.type === "conflict") return { ok: false, message: t.deleteLastAdmin };
    throw err;
  }
  // The epoch bump ends every session on its next request; this browser's ends now.
  (await cookies()).set(sessionCookieName(), "", {
    maxAge: 0,
    path: "/",
    domain: sessionCookieDomain(),
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureSite(),
  });
  redirect(`${localePath(formLang(form), "/")}?deleted=1`);
}
