import type { Article } from "@/db/schema";

export type EffectiveStatus = "draft" | "scheduled" | "published";

// Mirrors db/queries/articles liveAt(): a piece is live once it is not a draft and its publish
// instant has passed, so "scheduled" rows become "published" on their own.
export function effectiveStatus(a: Pick<Article, "status" | "publishAt">, now: Date): EffectiveStatus {
  if (a.status === "draft") return "draft";
  if (a.publishAt && a.publishAt.getTime() <= now.getTime()) return "published";
  return "scheduled";
}
