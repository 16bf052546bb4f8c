"use client";

import { useState } from "react";
import type { UiLang } from "@/lib/i18n/lang";
import { readingDict } from "@/lib/i18n/reading";

type Props = { url: string; title: string; lang: UiLang };

const pill = "rounded-full border border-rule px-3 py-1 text-sm font-semibold hover:border-ink";

// Plain share links and the clipboard: no third-party script, so the CSP stays 'self' and the
// per-tier cached page carries nothing per reader (the URL is the piece's canonical one).
export function ShareButtons({ url, title, lang }: Props) {
  const t = readingDict(lang);
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t.copied);
    } catch {
      setStatus(t.copyFailed);
    }
  };
  // KakaoTalk has no share URL without its SDK and an app key (a third-party script): the system
  // share sheet offers KakaoTalk on phones; elsewhere the link is copied to paste into the chat.
  const kakao = async () => {
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ url, title });
        return;
      } catch (err) {
        if (err instanceof DOMException && err.name === "AbortError") return;
      }
    }
    await copy();
  };
  const x = `https://twitter.com/intent/tweet?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`;
  const facebook = `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="share">
      <span className="text-sm font-semibold text-muted">{t.share}</span>
      <button type="button" className={pill} onClick={copy} data-testid="share-copy">
        {t.copyLink}
      </button>
      <a className={pill} href={x} target="_blank" rel="noopener noreferrer" aria-label={t.shareX} data-testid="share-x">
        X
      </a>
      <a className={pill} href={facebook} target="_blank" rel="noopener noreferrer" aria-label={t.shareFacebook} data-testid="share-facebook">
        Facebook
      </a>
      <button type="button" className={pill} onClick={kakao} aria-label={t.shareKakao} data-testid="share-kakao">
        KakaoTalk
      </button>
      <span role="status" aria-live="polite" className="text-sm text-muted" data-testid="share-status">
        {status}
      </span>
    </div>
  );
}
