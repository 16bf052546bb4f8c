import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import "../globals.css";
import { staffRoleIn } from "@/lib/access";
import { getViewer } from "@/lib/auth/viewer";
import { listPublicationViews, originOf } from "@/lib/publications/current";
import { studioPublication } from "@/lib/studio/guard";
import { PublicationSwitcher } from "./_components/publication-switcher";
import { StudioClock } from "./_components/studio-clock";

export const metadata: Metadata = { title: "Studio · Masthead", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const editorLinks = [
  ["/studio/pieces", "기사"],
  ["/studio/members", "회원"],
  ["/studio/newsletter", "뉴스레터"],
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

// The proxy's redirect is only the fast path: the studio checks the role again on the server, in
// the publication it works on (switcher cookie, else the host's), and every page and action below
// checks it once more for what it does. Staff of other publications only see the switcher here
// (the proxy answers such a page 403).
export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const pub = await studioPublication();
  const viewer = await getViewer(pub.id);
  if (!viewer.signedIn) redirect("/signin?callbackUrl=%2Fstudio");
  const publications = await listPublicationViews();
  const mine = publications.filter((p) => staffRoleIn(viewer.member.role, viewer.staff, p.id) !== null);
  if (mine.length === 0) redirect("/signin?callbackUrl=%2Fstudio");
  const role = viewer.staffRole;
  const links =
    role === "admin"
      ? [...editorLinks, ...adminLinks, ...(viewer.member.role === "admin" ? ([["/studio/publications", "발행처"]] as const) : [])]
      : role
        ? editorLinks
        : [];
  return (
    <html lang="ko">
      <body className="min-h-screen bg-paper">
        <header className="border-b border-rule bg-white" style={{ borderTop: `4px solid ${pub.accentColor}` }}>
          <nav aria-label="스튜디오" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
            <Link href="/studio" className="headline text-lg font-bold">
              스튜디오
            </Link>
            <PublicationSwitcher current={pub} options={mine} />
            {links.map(([href, label]) => (
              <Link key={href} href={href} className="hover:underline">
                {label}
              </Link>
            ))}
            <a href={originOf(pub)} className="ml-auto">
              사이트로 돌아가기
            </a>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {role ? (
            <StudioClock timeZone={pub.timeZone}>{children}</StudioClock>
          ) : (
            <div role="alert" className="flex flex-col gap-2 rounded border border-accent bg-red-50 p-4 text-sm" data-testid="studio-no-role">
              <p className="font-semibold">{pub.name}의 스튜디오 권한이 없습니다 (403 — no role in this publication).</p>
              <p>위에서 권한이 있는 발행처를 고르세요.</p>
            </div>
          )}
        </main>
      </body>
    </html>
  );
}
