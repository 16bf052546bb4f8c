import { COMMENT_LINK_REL, linkifyComment } from "@/lib/comments/linkify";

// A comment body: text nodes (escaped by React) and http(s) links, nothing else. `dir="auto"` and
// `unicode-bidi: plaintext` give each paragraph its own direction, so RTL text never reorders the
// page around it; `overflow-wrap: anywhere` breaks unbroken strings; clipping contains any
// stacked diacritics that survived normalisation.
export function CommentBody({ body }: { body: string }) {
  return (
    <div dir="auto" className="overflow-hidden whitespace-pre-wrap [overflow-wrap:anywhere] [unicode-bidi:plaintext]" data-testid="comment-body">
      {linkifyComment(body).map((s, i) =>
        s.kind === "link" ? (
          <a key={i} href={s.href} rel={COMMENT_LINK_REL} target="_blank" className="text-accent-dark underline">
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </div>
  );
}
