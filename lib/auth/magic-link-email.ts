// The sign-in email, in Korean and English (the address's preferred language is unknown), named
// after the publication whose host the sign-in began on.
export function magicLinkEmail(url: string, host: string, name: { ko: string; en: string }) {
  const subject = `${name.ko} 로그인 링크 · Sign in to ${name.en}`;
  const text = [
    `아래 링크를 눌러 ${host}에 로그인하세요. 링크는 15분 동안 한 번만 쓸 수 있습니다.`,
    url,
    "",
    `Use the link above to sign in to ${host}. It works once, for 15 minutes.`,
    "",
    "요청하지 않았다면 이 메일을 무시하세요. · If you did not ask for this, ignore this email.",
  ].join("\n");
  const safeUrl = url.replace(/"/g, "%22");
  const html = `<!doctype html><html lang="ko"><body style="font-family:system-ui,sans-serif;line-height:1.6">
<p>아래 버튼을 눌러 ${host}에 로그인하세요. 링크는 15분 동안 한 번만 쓸 수 있습니다.</p>
<p><a href="${safeUrl}" style="display:inline-block;background:#a4161a;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">로그인 · Sign in</a></p>
<p lang="en">Use the button to sign in to ${host}. It works once, for 15 minutes.</p>
<p style="color:#555">요청하지 않았다면 이 메일을 무시하세요. · If you did not ask for this, ignore this email.</p>
</body></html>`;
  return { subject, text, html };
}
