"use client";

import { useEffect, useState } from "react";
import { commentsApi } from "@/lib/comments/client";
import { commentErrorMessage, formatCommentTime } from "@/lib/comments/messages";
import type { CommentView } from "@/lib/comments/types";
import type { Dictionary, UiLang } from "@/lib/i18n";
import { CommentBody } from "./comments-body";
import { CommentComposer } from "./comments-composer";

export type ItemContext = { slug: string; lang: UiLang; t: Dictionary["comments"]; canPost: boolean; signedIn: boolean; reload: () => Promise<void> };

const linkButton = "text-sm font-semibold text-muted underline-offset-2 hover:text-ink hover:underline";

export function CommentItem({ comment, ctx }: { comment: CommentView; ctx: ItemContext }) {
  const { t, lang, slug } = ctx;
  const [mode, setMode] = useState<"view" | "reply" | "edit">("view");
  const [notice, setNotice] = useState<string | null>(null);
  const [reported, setReported] = useState(comment.reportedByMe);
  // The server says whether the edit window is open; a timer closes it here when it ends.
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!comment.editableUntil) return;
    const timer = setTimeout(() => setExpired(true), Math.max(0, new Date(comment.editableUntil).getTime() - Date.now()));
    return () => clearTimeout(timer);
  }, [comment.editableUntil]);
  const editable = comment.editableUntil !== null && !expired;

  const fail = (status: number, error: Parameters<typeof commentErrorMessage>[3]) => commentErrorMessage(t, lang, status, error);

  const remove = async () => {
    if (!window.confirm(t.confirmDelete)) return;
    const res = await commentsApi.remove(slug, comment.id);
    if (res.ok) await ctx.reload();
    else setNotice(fail(res.status, res.error));
  };
  const report = async () => {
    if (!window.confirm(t.confirmReport)) return;
    const res = await commentsApi.report(slug, comment.id);
    if (res.ok) {
      setReported(true);
      setNotice(t.reportThanks);
    } else setNotice(fail(res.status, res.error));
  };

  if (comment.state !== "visible" || comment.body === null) {
    return (
      <article className="flex flex-col gap-3" data-testid="comment" data-state={comment.state}>
        <p className="text-sm italic text-muted">{comment.state === "hidden" ? t.hidden : t.deleted}</p>
        <Replies comment={comment} ctx={ctx} />
      </article>
    );
  }

  return (
    <article className="flex min-w-0 flex-col gap-2" data-testid="comment" data-comment-id={comment.id} data-state="visible">
      <header className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <bdi className="max-w-[16rem] truncate font-semibold" data-testid="comment-author" data-anonymous={comment.author?.anonymous ? "true" : undefined}>
          {comment.author?.anonymous ? t.anonymousAuthor : comment.author?.name}
        </bdi>
        {comment.author?.tier ? (
          <span className="rounded-sm bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-gold" data-testid="comment-tier">
            {lang === "en" ? comment.author.tier.nameEn : comment.author.tier.name}
          </span>
        ) : null}
        <time dateTime={comment.createdAt} className="text-muted">
          {formatCommentTime(comment.createdAt, lang)}
        </time>
        {comment.editedAt ? <span className="text-muted">· {t.edited}</span> : null}
      </header>
      {mode === "edit" ? (
        <CommentComposer
          t={t}
          label={t.editLabel}
          submitLabel={t.save}
          initial={comment.body}
          autoFocus
          onCancel={() => setMode("view")}
          onSubmit={async (body) => {
            const res = await commentsApi.edit(slug, comment.id, body);
            if (!res.ok) return fail(res.status, res.error);
            setMode("view");
            await ctx.reload();
            return null;
          }}
        />
      ) : (
        <CommentBody body={comment.body} />
      )}
      <div className="flex flex-wrap items-center gap-3">
        {ctx.canPost && comment.parentId === null ? (
          <button type="button" className={linkButton} onClick={() => setMode(mode === "reply" ? "view" : "reply")}>
            {t.reply}
          </button>
        ) : null}
        {editable && mode !== "edit" ? (
          <button type="button" className={linkButton} onClick={() => setMode("edit")} title={t.editUntil(formatCommentTime(comment.editableUntil!, lang))}>
            {t.edit}
          </button>
        ) : null}
        {comment.mine ? (
          <button type="button" className={linkButton} onClick={remove}>
            {t.delete}
          </button>
        ) : null}
        {ctx.signedIn && !comment.mine ? (
          <button type="button" className={linkButton} onClick={report} disabled={reported} aria-pressed={reported}>
            {reported ? t.reported : t.report}
          </button>
        ) : null}
        {notice ? (
          <span role="status" className="text-sm text-muted">
            {notice}
          </span>
        ) : null}
      </div>
      {mode === "reply" ? (
        <div className="ml-4 border-l-2 border-rule pl-4">
          <CommentComposer
            t={t}
            label={t.replyLabel}
            submitLabel={t.submitReply}
            autoFocus
            onCancel={() => setMode("view")}
            onSubmit={async (body) => {
              const res = await commentsApi.create(slug, body, comment.id);
              if (!res.ok) return fail(res.status, res.error);
              setMode("view");
              await ctx.reload();
              return null;
            }}
          />
        </div>
      ) : null}
      <Replies comment={comment} ctx={ctx} />
    </article>
  );
}

// The thread's top-level comments, and each comment's replies (indented); nothing when empty.
export function CommentList({ comments, ctx, className, testId }: { comments: CommentView[]; ctx: ItemContext; className: string; testId: string }) {
  if (comments.length === 0) return null;
  return (
    <ol className={className} data-testid={testId}>
      {comments.map((c) => (
        <li key={c.id}>
          <CommentItem comment={c} ctx={ctx} />
        </li>
      ))}
    </ol>
  );
}

function Replies({ comment, ctx }: { comment: CommentView; ctx: ItemContext }) {
  return <CommentList comments={comment.replies} ctx={ctx} className="ml-4 flex flex-col gap-4 border-l-2 border-rule pl-4 sm:ml-6" testId="comment-replies" />;
}
