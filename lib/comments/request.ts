import "server-only";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { requireRequestPublication } from "@/lib/publications/current";
import type { CommentCtx } from "./discussion";

// The comments API works on the pieces of the publication at the request's host, for the viewer
// as that publication sees them (tier, bans).
export async function commentContext(req: Request, now = new Date()): Promise<CommentCtx> {
  const pub = requireRequestPublication(req);
  return { db: await getDb(), publicationId: pub.id, viewer: await getViewer(pub.id, now), now, locale: pub.locale === "en" ? "en" : "ko" };
}
