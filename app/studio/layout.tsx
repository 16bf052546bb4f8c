import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import "../globals.css";
import { getViewer, isStaff } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Studio · Masthead", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// The proxy's redirect is only the fast path: the studio checks the role again on the server.
export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!isStaff(viewer)) redirect("/signin?callbackUrl=%2Fstudio");
  const isAdmin = viewer.signedIn && viewer.member.role === "admin";
  return (
    <html lang="ko">
      <body className="min-h-screen bg-paper">
        <header className="border-b border-rule bg-white">
          <nav aria-label="스튜디오" className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 text-sm">
            <Link href="/studio" className="headline text-lg font-bold">
              마스트헤드 스튜디오
            </Link>
            {isAdmin ? <Link href="/studio/outbox">개발용 발신함</Link> : null}
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
