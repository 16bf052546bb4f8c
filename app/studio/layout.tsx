import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import "../globals.css";
import { getViewer, isStaff } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Studio · Masthead", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const editorLinks = [
  ["/studio/pieces", "기사"],
  ["/studio/members", "회원"],
  // Comment moderation lives in app/studio/comments (owned by the comments work).
  ["/studio/comments", "댓글"],
  ["/studio/taxonomy", "저자·섹션·태그"],
  // The Stripe webhook ledger lives in app/studio/billing (owned by the billing work).
  ["/studio/billing", "결제 기록"],
  ["/studio/audit", "감사 로그"],
] as const;
const adminLinks = [
  ["/studio/tiers", "등급·가격"],
  ["/studio/tokens", "API 토큰"],
  ["/studio/import", "가져오기"],
  ["/studio/outbox", "개발용 발신함"],
] as const;

// The proxy's redirect is only the fast path: the studio checks the role again on the server, and
// every page and action below checks it once more for what it does.
export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!isStaff(viewer)) redirect("/signin?callbackUrl=%2Fstudio");
  const isAdmin = viewer.signedIn && viewer.member.role === "admin";
  const links = isAdmin ? [...editorLinks, ...adminLinks] : editorLinks;
  return (
    <html lang="ko">
      <body className="min-h-screen bg-paper">
        <header className="border-b border-rule bg-white">
          <nav aria-label="스튜디오" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
            <Link href="/studio" className="headline text-lg font-bold">
              마스트헤드 스튜디오
            </Link>
            {links.map(([href, label]) => (
              <Link key={href} href={href} className="hover:underline">
                {label}
              </Link>
            ))}
            <Link href="/" className="ml-auto">
              사이트로 돌아가기
            </Link>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
