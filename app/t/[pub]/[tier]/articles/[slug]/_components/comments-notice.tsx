import Link from "next/link";
import { banMessage } from "@/lib/comments/messages";
import type { CommentListResponse, TierLabel } from "@/lib/comments/types";
import { localePath, type Dictionary, type UiLang } from "@/lib/i18n";

type Props = { data: CommentListResponse; slug: string; lang: UiLang; t: Dictionary["comments"] };

const tierName = (tier: TierLabel | null, lang: UiLang) => (tier ? (lang === "en" ? tier.nameEn : tier.name) : null);
const linkClass = "rounded border border-ink px-3 py-1 text-sm font-semibold hover:bg-black/5";

// Why this reader cannot post, and the one step that would change it.
export function CommentsNotice({ data, slug, lang, t }: Props) {
  const { viewer } = data;
  const signIn = `${localePath(lang, "/signin")}?callbackUrl=${encodeURIComponent(`/articles/${slug}`)}`;
  const pricing = localePath(lang, "/pricing");
  let message: string;
  let action: { href: string; label: string } | null = null;
  let detail: string | null = null;
  if (data.locked) {
    message = t.lockedPrompt;
    action = viewer.signedIn ? { href: pricing, label: t.upgrade } : { href: signIn, label: t.signIn };
  } else if (viewer.reason === "signed_out") {
    message = t.signInPrompt;
    action = { href: signIn, label: t.signIn };
  } else if (viewer.reason === "banned") {
    message = banMessage(t, viewer.bannedUntil, lang);
    detail = viewer.banReason ? t.banReason(viewer.banReason) : null;
  } else {
    const name = tierName(data.commentTier, lang);
    message = name ? t.tierPrompt(name) : t.tierPromptGeneric;
    action = { href: pricing, label: t.upgrade };
  }
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-rule bg-white p-4" data-testid="comments-notice" data-reason={data.locked ? "locked" : (viewer.reason ?? "")}>
      <p className="flex-1">
        {message}
        {detail ? <span className="mt-1 block text-sm text-muted [overflow-wrap:anywhere] [unicode-bidi:plaintext]">{detail}</span> : null}
      </p>
      {action ? (
        <Link href={action.href} className={linkClass}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
