"use client";

import { useCallback, useEffect, useState } from "react";
import { commentsApi } from "@/lib/comments/client";
import { commentErrorMessage } from "@/lib/comments/messages";
import type { CommentListResponse } from "@/lib/comments/types";
import { commentsDict } from "@/lib/i18n/comments";
import type { UiLang } from "@/lib/i18n/lang";
import { CommentComposer } from "./comments-composer";
import { CommentList, type ItemContext } from "./comments-item";
import { CommentsNotice } from "./comments-notice";

// The discussion under a piece. A client island on purpose: the page around it is the shared
// per-tier render and must not vary per reader, so everything personal (own comments, the right
// to post, bans) comes from the comments API after load.
export function Comments({ slug, lang }: { slug: string; lang: UiLang }) {
  const t = commentsDict(lang);
  const [data, setData] = useState<CommentListResponse | null>(null);
  const [failed, setFailed] = useState(false);

  const apply = useCallback((res: Awaited<ReturnType<typeof commentsApi.list>>) => {
    if (res.ok) setData(res.data);
    setFailed(!res.ok);
  }, []);
  const reload = useCallback(async () => apply(await commentsApi.list(slug)), [apply, slug]);

  useEffect(() => {
    let live = true;
    void commentsApi.list(slug).then((res) => live && apply(res));
    return () => {
      live = false;
    };
  }, [apply, slug]);

  const ctx: ItemContext = { slug, lang, t, canPost: Boolean(data?.viewer.canPost), signedIn: Boolean(data?.viewer.signedIn), reload };

  return (
    <section
      aria-labelledby="comments-heading"
      className="flex flex-col gap-6 border-t border-rule pt-6"
      data-testid="comments"
      data-state={data ? "ready" : "loading"}
    >
      <h2 id="comments-heading" className="text-lg font-bold">
        {t.heading}
        {data && !data.locked ? <span className="ml-2 font-normal text-muted">{t.count(data.count)}</span> : null}
      </h2>
      {failed && !data ? (
        <p role="alert">
          {t.loadFailed}{" "}
          <button type="button" className="underline" onClick={() => void reload()}>
            {t.retry}
          </button>
        </p>
      ) : null}
      {!data && !failed ? <p className="text-muted">{t.loading}</p> : null}
      {data ? (
        <>
          {data.viewer.canPost && !data.locked ? (
            <CommentComposer
              t={t}
              label={t.composeLabel}
              submitLabel={t.submit}
              onSubmit={async (body) => {
                const res = await commentsApi.create(slug, body, null);
                if (!res.ok) return commentErrorMessage(t, lang, res.status, res.error);
                await reload();
                return null;
              }}
            />
          ) : (
            <CommentsNotice data={data} slug={slug} lang={lang} t={t} />
          )}
          {!data.locked && data.comments.length === 0 ? <p className="text-muted">{t.empty}</p> : null}
          <CommentList comments={data.comments} ctx={ctx} className="flex flex-col gap-6" testId="comment-list" />
        </>
      ) : null}
    </section>
  );
}
