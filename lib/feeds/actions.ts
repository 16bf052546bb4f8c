"use server";

import { getDb } from "@/db/client";
import { revokePrivateFeeds, rotatePrivateFeed } from "@/db/queries/feeds";
import { canHavePrivateFeed } from "@/lib/access";
import { getViewer } from "@/lib/auth/viewer";
import { originOf, requestPublication } from "@/lib/publications/current";
import { isUiLang, type UiLang } from "@/lib/i18n";
import { absoluteUrl } from "@/lib/seo/urls";
import { feedMessages } from "./messages";
import { hashFeedToken, newFeedToken, privateFeedPath } from "./token";

export type PrivateFeedStatus = { live: { createdAt: string } | null; url: string | null };
export type PrivateFeedState = { ok: true; data: PrivateFeedStatus } | { ok: false; error: { code: string; message: string } } | null;

const fail = (code: string, message: string): PrivateFeedState => ({ ok: false, error: { code, message } });

// One action for the account page's private feed panel; the pressed button names the intent.
// The viewer is resolved on the server from the session for every call: the form carries no
// member id. Issuing (or re-issuing) a URL needs paid access now; stopping one never does.
export async function managePrivateFeedAction(_prev: PrivateFeedState, form: FormData): Promise<PrivateFeedState> {
  const rawLang = String(form.get("lang") ?? "");
  const lang: UiLang = isUiLang(rawLang) ? rawLang : "ko";
  const m = feedMessages(lang);
  const intent = form.get("intent");
  if (intent !== "rotate" && intent !== "revoke") return fail("bad_request:private_feed", m.errors.failed);

  const now = new Date();
  // The feed of the publication whose account page posted this (its host).
  const pub = await requestPublication();
  const viewer = await getViewer(pub.id, now);
  if (!viewer.signedIn) return fail("unauthorized:private_feed", m.errors.unauthorized);
  const db = await getDb();
  try {
    if (intent === "revoke") {
      await revokePrivateFeeds(db, pub.id, viewer.member.id, now);
      return { ok: true, data: { live: null, url: null } };
    }
    if (!canHavePrivateFeed(viewer.access.tier)) return fail("forbidden:private_feed", m.errors.forbidden);
    const token = newFeedToken();
    const row = await rotatePrivateFeed(db, pub.id, viewer.member.id, hashFeedToken(token), now);
    // The only time the secret exists outside the reader's app: it is returned once, never stored.
    return { ok: true, data: { live: { createdAt: row.createdAt.toISOString() }, url: absoluteUrl(originOf(pub), privateFeedPath(token, lang)) } };
  } catch (err) {
    // E.g. a concurrent rotation in another tab won the one-live-URL index: ask to retry.
    console.error("[feed] private feed action failed:", err instanceof Error ? err.name : typeof err);
    return fail("internal:private_feed", m.errors.failed);
  }
}
