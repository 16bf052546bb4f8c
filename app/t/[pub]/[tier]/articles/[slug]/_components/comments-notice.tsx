import Link from "next/link";
import { banMessage } from "@/lib/comments/messages";
import type { CommentListResponse, TierLabel } from "@/lib/comments/types";
import { FREE_SLUG } from "@/lib/access/tiers";
import type { Dictionary, UiLang } from "@/lib/i18n";
import { pricingHref, signInHref } from "@/lib/routing/return-to";
import { articlePath } from "@/lib/seo/urls";

type Props = { data: CommentListResponse; slug: string; lang: UiLang; t: Dictionary["comments"] };

const tierName = (tier: TierLabel | null, lang: UiLang) => (tier ? (lang === "en" ? tier.nameEn : tier.name) : null);
const linkClass = "rounded border border-ink px-3 py-1 text-sm font-semibold hover:bg-black/5";

// Why this reader cannot post, and the steps that would change it. Who may comment comes from the
// tier data (the cheapest tier with the comment right), so a signed-out reader learns that signing
// in alone is not enough when only a paid tier may comment.
export function CommentsNotice({ data, slug, lang, t }: Props) {
  const { viewer } = data;
  const here = articlePath(slug);
  const signIn = { href: signInHref(lang, here), label: t.signIn };
  const pricing = { href: pricingHref(lang, here), label: t.upgrade };
  const commentTier = tierName(data.commentTier, lang);
  const membersMayComment = data.commentTier?.slug === FREE_SLUG;
  let message: string;
  let actions: { href: string; label: string }[] = [];
  let detail: string | null = null;
  if (data.locked) {
    message = t.lockedPrompt;
    actions = viewer.signedIn ? [pricing] : [signIn];
  } else if (viewer.reason === "signed_out") {
    if (!data.commentTier) message = t.closed;
    else if (membersMayComment) {
      message = t.signInPrompt;
      actions = [signIn];
    } else {
      message = commentTier ? t.signInTierPrompt(commentTier) : t.tierPromptGeneric;
      actions = [pricing, signIn];
    }
  } else if (viewer.reason === "banned") {
    message = banMessage(t, viewer.bannedUntil, lang);
    detail = viewer.banReason ? t.banReason(viewer.banReason) : null;
  } else if (!data.commentTier) {
    message = t.closed;
  } else {
    message = commentTier ? t.tierPrompt(commentTier) : t.tierPromptGeneric;
    actions = [pricing];
  }
  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded border border-rule bg-white p-4"
      data-testid="comments-notice"
      data-reason={data.locked ? "locked" : (viewer.reason ?? "")}
    >
      <p className="flex-1">
        {message}
        {detail ? <span className="mt-1 block text-sm text-muted [overflow-wrap:anywhere] [unicode-bidi:plaintext]">{detail}</span> : null}
      </p>
      {actions.map((action) => (
        <Link key={action.href} href={action.href} className={linkClass}>
          {action.label}
        </Link>
      ))}
    </div>
  );
}
