import Link from "next/link";
import { getDb } from "@/db/client";
import { listAudit } from "@/db/queries/studio-audit";
import { requireStaffPage } from "@/lib/studio/guard";
import { studioTimeZone } from "@/lib/studio/time-zone";
import { formatInstant } from "./_components/ui";

export default async function StudioHome({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const actor = await requireStaffPage("editor");
  const timeZone = studioTimeZone(actor.publicationId);
  const email = actor.label;
  const { denied } = await searchParams;
  const recent = await listAudit(await getDb(), { publicationId: actor.publicationId }, 10);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="headline text-3xl font-bold">스튜디오</h1>
      {denied ? (
        <p role="alert" className="rounded border border-accent bg-red-50 px-3 py-2 text-sm text-accent">
          관리자만 쓸 수 있는 화면입니다 (admins only).
        </p>
      ) : null}
      <p className="text-muted">{email}님, 환영합니다.</p>
      <div className="flex flex-wrap gap-3">
        <Link href="/studio/pieces/new" className="rounded bg-ink px-3 py-2 text-sm font-semibold text-white">
          새 기사 쓰기
        </Link>
        <Link href="/studio/pieces" className="rounded border border-rule bg-white px-3 py-2 text-sm">
          기사 목록
        </Link>
        <Link href="/studio/members" className="rounded border border-rule bg-white px-3 py-2 text-sm">
          회원 찾기
        </Link>
      </div>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-2 text-lg font-bold">
          최근 변경
        </h2>
        <ul className="divide-y divide-rule rounded border border-rule bg-white text-sm">
          {recent.map((e) => (
            <li key={e.id} className="p-2">
              <span className="text-muted">{formatInstant(e.at, timeZone)}</span> · {e.actorLabel} · <code>{e.action}</code> · {e.summary}
            </li>
          ))}
          {recent.length === 0 ? <li className="p-2 text-muted">아직 기록이 없습니다.</li> : null}
        </ul>
      </section>
    </div>
  );
}
