import Link from "next/link";
import type { QueueRow } from "@/db/queries/comments";
import { commentAuthorName } from "@/lib/comments/rules";
import { BanForm } from "./ban-form";
import { ModerationButtons } from "./moderation-buttons";
import { Instant } from "../../_components/studio-clock";

export type ActiveBan = { until: string | null; reason: string } | null;

const stateOf = (row: QueueRow) => (row.deletedAt ? "deleted" : row.hiddenAt ? "hidden" : "visible");
const stateLabel = { visible: "공개", hidden: "숨김", deleted: "삭제됨" } as const;

// One comment in the moderation queue. The body is shown as plain text (no links) so moderators
// never follow a URL by accident; the same CSS as the reader view keeps RTL and long strings in bounds.
export function QueueItem({ row, ban }: { row: QueueRow; ban: ActiveBan }) {
  const state = stateOf(row);
  const author = commentAuthorName({ name: row.authorName, email: row.authorEmail });
  return (
    <li className="flex flex-col gap-2 p-4" data-testid="queue-item" data-comment-id={row.id} data-state={state}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <Link href={`/articles/${row.articleSlug}`} className="font-semibold underline" target="_blank">
          {row.articleTitle}
        </Link>
        <bdi className="max-w-[14rem] truncate">{author}</bdi>
        <span className="text-muted">{row.authorEmail}</span>
        <span className="text-muted">
          <Instant at={row.createdAt} />
        </span>
        {row.parentId ? <span className="text-muted">답글</span> : null}
        <span className={state === "visible" ? "text-muted" : "font-semibold text-accent"}>{stateLabel[state]}</span>
        {row.openReports > 0 ? <span className="rounded bg-red-50 px-1.5 font-semibold text-accent">신고 {row.openReports}건</span> : null}
        {ban ? <span className="rounded bg-amber-100 px-1.5 text-gold">댓글 금지 중</span> : null}
      </div>
      <p
        dir="auto"
        className="max-h-48 overflow-auto whitespace-pre-wrap rounded bg-paper p-2 [overflow-wrap:anywhere] [unicode-bidi:plaintext]"
        data-testid="queue-body"
      >
        {row.body}
      </p>
      <ModerationButtons commentId={row.id} state={state} openReports={row.openReports} />
      <BanForm memberId={row.memberId} memberLabel={author} activeBan={ban} />
    </li>
  );
}
