"use client";

import { useState, useTransition } from "react";
import type { ModerationVerb } from "@/lib/comments/moderation-verbs";
import { ghostButtonClass, InlineAlert } from "../../_components/ui";
import { moderateCommentAction } from "../actions";

const labels: Record<ModerationVerb, string> = { hide: "숨기기", restore: "복원", delete: "삭제", dismiss: "신고 기각" };

// The verbs that make sense for the comment's state; each answer re-renders the queue.
export function ModerationButtons({ commentId, state, openReports }: { commentId: number; state: "visible" | "hidden" | "deleted"; openReports: number }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const verbs: ModerationVerb[] = state === "deleted" ? [] : state === "hidden" ? ["restore", "delete"] : ["hide", "delete"];
  if (openReports > 0 && state === "visible") verbs.push("dismiss");

  const run = (verb: ModerationVerb) => {
    if (verb === "delete" && !window.confirm("이 댓글을 삭제할까요? 삭제는 되돌릴 수 없습니다.")) return;
    start(async () => {
      const res = await moderateCommentAction(commentId, verb);
      setError(res.ok ? null : res.error.message);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {verbs.map((verb) => (
        <button key={verb} type="button" className={ghostButtonClass} disabled={pending} onClick={() => run(verb)}>
          {labels[verb]}
        </button>
      ))}
      <InlineAlert message={error} />
    </div>
  );
}
