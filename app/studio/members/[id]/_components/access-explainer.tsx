import { getDb } from "@/db/client";
import { getArticleIdBySlug, getStudioArticle } from "@/db/queries/studio-articles";
import type { Tier } from "@/db/schema";
import type { GrantLike } from "@/lib/access";
import { toTierRef } from "@/lib/auth/member-access";
import { explainAccess } from "@/lib/studio/explain";
import { effectiveStatus } from "@/lib/studio/piece-status";
import { ghostButtonClass, inputClass } from "../../../_components/ui";

// "Why can this member read this piece?": a GET form (?piece=slug) so an explanation can be linked.
// `grants`: those that count in this publication (its own and through bundles).
export async function AccessExplainer({
  memberId,
  publicationId,
  grants,
  tiers,
  slug,
  now,
  timeZone,
}: {
  memberId: number;
  publicationId: number;
  grants: GrantLike[];
  tiers: Tier[];
  slug?: string;
  now: Date;
  timeZone?: string;
}) {
  const db = await getDb();
  const id = slug ? await getArticleIdBySlug(db, publicationId, slug.trim()) : null;
  const article = id ? await getStudioArticle(db, publicationId, id) : null;
  const result = article
    ? explainAccess({
        piece: {
          slug: article.slug,
          access: article.access,
          unlockAt: article.unlockAt,
          live: effectiveStatus(article, now) === "published",
          publishAt: article.publishAt,
        },
        grants,
        tiers: tiers.map(toTierRef),
        now,
        timeZone,
      })
    : null;
  return (
    <section aria-labelledby="explain-heading" className="flex flex-col gap-3 rounded border border-rule bg-white p-4">
      <h2 id="explain-heading" className="text-lg font-bold">
        접근 설명 (왜 읽을 수 있나/없나)
      </h2>
      <form method="get" action={`/studio/members/${memberId}`} className="flex gap-2">
        <label htmlFor="explain-piece" className="sr-only">
          기사 슬러그
        </label>
        <input id="explain-piece" name="piece" defaultValue={slug ?? ""} placeholder="기사 슬러그 (예: hbm-memory-race)" className={inputClass} />
        <button className={`${ghostButtonClass} shrink-0 whitespace-nowrap`}>설명 보기</button>
      </form>
      {slug && !article ? <p className="text-sm text-accent">그런 슬러그의 기사가 없습니다.</p> : null}
      {result && article ? (
        <div data-testid="explanation" data-can-read={result.canRead} className="text-sm">
          <p className="mb-2 font-semibold">
            {article.title}: {result.canRead ? "전문을 읽을 수 있습니다 ✔" : "전문을 읽을 수 없습니다 ✘"}
          </p>
          <ul className="list-disc pl-5">
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
