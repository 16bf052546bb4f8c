import Link from "next/link";
import { getDb } from "@/db/client";
import { listSendProgress, listSuppressions } from "@/db/queries/email";
import { newsletterAudience } from "@/lib/email/audience";
import { requireStaffPage } from "@/lib/studio/guard";
import { studioTimeZone } from "@/lib/studio/time-zone";
import { DataTable, numeric } from "../_components/data-table";
import { PageTitle, formatInstant } from "../_components/ui";
import { AutoRefresh } from "./_components/auto-refresh";
import { SuppressForm, UnsuppressButton } from "./_components/suppress-form";

const STATUS = { waiting: "발행 대기", queued: "발송 중", done: "완료" } as const;

// The publication's newsletter: who it reaches by tier, each send's progress, and (admins) the
// addresses no mail goes to.
export default async function NewsletterPage() {
  const actor = await requireStaffPage("editor");
  const timeZone = studioTimeZone(actor.publicationId);
  const db = await getDb();
  const [audience, sends, suppressions] = await Promise.all([
    newsletterAudience(db, actor.publicationId, new Date()),
    listSendProgress(db, actor.publicationId),
    actor.role === "admin" ? listSuppressions(db, 50) : Promise.resolve([]),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle>뉴스레터</PageTitle>
      <AutoRefresh active={sends.some((s) => s.status === "queued")} />
      <section aria-labelledby="audience-heading" className="flex flex-col gap-3">
        <h2 id="audience-heading" className="text-lg font-bold">
          받는 사람
        </h2>
        <p className="text-sm text-muted">
          이 발행처 계정 {audience.accounts.toLocaleString("ko-KR")}명 중 구독 {audience.subscribed.toLocaleString("ko-KR")}명
          {audience.suppressed ? ` (반송·신고로 발송 중지 ${audience.suppressed.toLocaleString("ko-KR")}명 제외)` : ""}. 기사는 편집 화면에서 “뉴스레터로
          보내기”를 켜고 발행하면 나갑니다. 추적 픽셀·링크 추적은 쓰지 않습니다.
        </p>
        <DataTable testId="audience-by-tier" className="w-full max-w-md bg-white text-sm" columns={["등급", numeric("구독자")]}>
          {audience.byTier.map((t) => (
            <tr key={t.slug} className="border-b border-rule" data-tier={t.slug}>
              <td className="p-2">
                {t.name} <span className="text-muted">({t.slug})</span>
              </td>
              <td className="p-2 text-right" data-testid="tier-count">
                {t.count.toLocaleString("ko-KR")}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="sends-heading" className="flex flex-col gap-3">
        <h2 id="sends-heading" className="text-lg font-bold">
          발송
        </h2>
        {sends.length === 0 ? (
          <p className="text-muted">아직 뉴스레터로 보낸 기사가 없습니다.</p>
        ) : (
          <DataTable testId="sends-table" columns={["기사", "상태", ...["대상", "보냄", "대기", "실패", "제외"].map(numeric), "시작·완료"]}>
            {sends.map((s) => (
              <tr key={s.id} className="border-b border-rule" data-send-id={s.id} data-status={s.status}>
                <td className="p-2">
                  <Link href={`/studio/pieces/${s.articleId}`} className="underline">
                    {s.title}
                  </Link>
                </td>
                <td className="p-2">{STATUS[s.status]}</td>
                <td className="p-2 text-right">{s.recipients.toLocaleString("ko-KR")}</td>
                <td className="p-2 text-right" data-testid="sent">
                  {s.counts.sent.toLocaleString("ko-KR")}
                </td>
                <td className="p-2 text-right">{(s.counts.queued + s.counts.sending).toLocaleString("ko-KR")}</td>
                <td className="p-2 text-right">{s.counts.failed.toLocaleString("ko-KR")}</td>
                <td className="p-2 text-right">{s.counts.suppressed.toLocaleString("ko-KR")}</td>
                <td className="p-2 text-muted">
                  {formatInstant(s.queuedAt, timeZone)} · {formatInstant(s.finishedAt, timeZone)}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {actor.role === "admin" ? (
        <section aria-labelledby="suppress-heading" className="flex flex-col gap-3">
          <h2 id="suppress-heading" className="text-lg font-bold">
            발송 중지 주소
          </h2>
          <p className="text-sm text-muted">
            반송(hard bounce)·스팸 신고·관리자 요청으로 어떤 메일도 보내지 않는 주소입니다 (모든 발행처 공통). 메일 서버의 반송 알림은 POST /api/email/events로
            받습니다.
          </p>
          <SuppressForm />
          {suppressions.length === 0 ? (
            <p className="text-muted">발송이 중지된 주소가 없습니다.</p>
          ) : (
            <ul className="divide-y divide-rule rounded border border-rule bg-white text-sm" data-testid="suppressions">
              {suppressions.map((s) => (
                <li key={s.email} className="flex flex-wrap items-center justify-between gap-2 p-3">
                  <span>
                    <strong>{s.email}</strong> · {s.reason} · {formatInstant(s.createdAt, timeZone)}
                    {s.detail ? ` · ${s.detail}` : ""}
                  </span>
                  <UnsuppressButton email={s.email} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
