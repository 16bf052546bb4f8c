import { getDb } from "@/db/client";
import { getMemberById } from "@/db/queries/members";
import { setMailPreferences } from "@/db/queries/publication-members";
import { unsubscribeKey } from "@/lib/email/keys";
import { confirmPage, donePage, invalidPage, UNSUBSCRIBE_PAGE_CSP } from "@/lib/email/unsubscribe-page";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe-token";
import { localePath, type UiLang } from "@/lib/i18n";
import { originOf } from "@/lib/publications/current";
import { publicationName, type PublicationRef } from "@/lib/publications/model";
import type { Member } from "@/db/schema";
import { publicationById } from "@/lib/publications/table";

export const dynamic = "force-dynamic";

// The List-Unsubscribe URL of every newsletter (design §11, RFC 8058). POST unsubscribes the
// (member, publication) the signed token names, without a session, and answers 200 — the mail
// client's one-click `List-Unsubscribe=One-Click` and the confirm page's button alike. GET only
// shows the confirm page. A malformed token is a 400, a forged or unknown one a 404; neither
// changes anything.

type Ctx = { params: Promise<{ token: string }> };

const headers = (type: string) => ({
  "Content-Type": type,
  "Cache-Control": "no-store",
  "Content-Security-Policy": UNSUBSCRIBE_PAGE_CSP,
  "X-Robots-Tag": "noindex",
});

type Resolved = { ok: true; pub: PublicationRef; member: Member } | { ok: false; status: 400 | 404 };

async function resolve(token: string): Promise<Resolved> {
  const target = verifyUnsubscribeToken(unsubscribeKey(), token);
  if (typeof target === "string") return { ok: false, status: target === "malformed" ? 400 : 404 };
  const pub = publicationById(target.publicationId);
  const member = pub ? await getMemberById(await getDb(), target.memberId) : null;
  if (!pub || !member) return { ok: false, status: 404 };
  return { ok: true, pub, member };
}

const wantsHtml = (req: Request) => (req.headers.get("accept") ?? "").includes("text/html");

function refuse(req: Request, status: number, lang: UiLang): Response {
  if (wantsHtml(req)) return new Response(invalidPage(lang), { status, headers: headers("text/html; charset=utf-8") });
  return new Response(status === 400 ? "Bad request: not an unsubscribe token." : "Not found: no such subscription.", {
    status,
    headers: headers("text/plain; charset=utf-8"),
  });
}

export async function GET(req: Request, ctx: Ctx) {
  const found = await resolve((await ctx.params).token);
  if (!found.ok) return refuse(req, found.status, "ko");
  const lang = found.pub.locale;
  return new Response(confirmPage(lang, publicationName(found.pub, lang), found.member.email, new URL(req.url).pathname), {
    headers: headers("text/html; charset=utf-8"),
  });
}

export async function POST(req: Request, ctx: Ctx) {
  const found = await resolve((await ctx.params).token);
  if (!found.ok) return refuse(req, found.status, "ko");
  const { pub, member } = found;
  await setMailPreferences(await getDb(), pub.id, member.id, { newsletter: false });
  const lang = pub.locale;
  if (wantsHtml(req))
    return new Response(donePage(lang, publicationName(pub, lang), originOf(pub) + localePath(lang, "/account")), {
      headers: headers("text/html; charset=utf-8"),
    });
  return new Response("Unsubscribed.", { headers: headers("text/plain; charset=utf-8") });
}
