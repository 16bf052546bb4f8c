import Link from "next/link";
import { getDb } from "@/db/client";
import { listModerationQueue, listOpenBans } from "@/db/queries/comments";
import { resolveActiveBan } from "@/lib/access";
import { requireStaffPage } from "@/lib/studio/guard";
import { PageTitle } from "../_components/ui";
import { QueueItem, type ActiveBan } from "./_components/queue-item";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const views = [
  ["recent", "최근 댓글"],
  ["reported", "신고된 댓글"],
] as const;

// The moderation queue: newest comments, or those with open reports. Editors and admins only.
export default async function CommentsModerationPage({ searchParams }: Props) {
  const actor = await requireStaffPage("editor");
  const view = (await searchParams).view === "reported" ? "reported" : "recent";
  const db = await getDb();
  const now = new Date();
  const rows = await listModerationQueue(db, actor.publicationId, view, 100);
  const bans = await listOpenBans(db, actor.publicationId, [...new Set(rows.map((r) => r.memberId))]);
  const banOf = (memberId: number): ActiveBan => {
    const ban = resolveActiveBan(
      bans.filter((b) => b.memberId === memberId),
      now,
    );
    return ban ? { until: ban.until?.toISOString() ?? null, reason: ban.reason } : null;
  };
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>댓글 관리</PageTitle>
      <nav aria-label="댓글 보기" className="flex gap-2 text-sm">
        {views.map(([key, label]) => (
          <Link
            key={key}
            href={`/studio/comments?view=${key}`}
            aria-current={view === key ? "page" : undefined}
            className={`rounded px-3 py-1 ${view === key ? "bg-ink text-white" : "border border-rule bg-white"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="text-muted">{view === "reported" ? "처리할 신고가 없습니다." : "아직 댓글이 없습니다."}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-rule rounded border border-rule bg-white" data-testid="moderation-queue">
          {rows.map((row) => (
            <QueueItem key={row.id} row={row} ban={banOf(row.memberId)} />
          ))}
        </ul>
      )}
    </div>
  );
}
