import { getDb } from "@/db/client";
import { getPreviewGeneration } from "@/db/queries/piece-revisions";
import { getStudioArticle } from "@/db/queries/studio-articles";
import { previewKey } from "@/lib/preview/keys";
import { PREVIEW_PAGE_CSP, previewPage } from "@/lib/preview/preview-page";
import { isCurrentGeneration, verifyPreviewToken } from "@/lib/preview/preview-token";
import { originOf } from "@/lib/publications/current";
import { publicationName } from "@/lib/publications/model";
import { publicationOfRequest } from "@/lib/publications/table";
import { effectiveStatus } from "@/lib/studio/piece-status";

export const dynamic = "force-dynamic";

// A draft preview link (issue 20 §12): no session, the signed token alone opens the piece. Every
// refusal — malformed, forged, expired, revoked, unknown piece, another publication's host — is
// the same 404, so a token holder learns nothing about why. Never cached by anyone (no-store) and
// never indexed; it is a route handler, outside the per-tier render cache.

const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" };

const notFound = () => new Response("Not found", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }) {
  const now = new Date();
  const claim = verifyPreviewToken(previewKey(), (await ctx.params).token, now);
  const pub = publicationOfRequest(req);
  if (typeof claim === "string" || !pub || pub.id !== claim.publicationId) return notFound();
  const db = await getDb();
  const piece = await getStudioArticle(db, pub.id, claim.articleId);
  if (!piece || !isCurrentGeneration(claim, await getPreviewGeneration(db, piece.id))) return notFound();
  // Once live, the preview has nothing to add: the reader sees what their tier may read.
  if (effectiveStatus(piece, now) === "published") {
    return new Response(null, { status: 307, headers: { ...PRIVATE, Location: `${originOf(pub)}/articles/${piece.slug}` } });
  }
  const html = previewPage(piece.locale, { name: publicationName(pub, piece.locale), timeZone: pub.timeZone }, piece, claim.expiresAt);
  return new Response(html, { headers: { ...PRIVATE, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PREVIEW_PAGE_CSP } });
}
