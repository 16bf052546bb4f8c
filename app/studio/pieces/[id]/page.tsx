import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getNewsletterSend } from "@/db/queries/email";
import { listRevisions } from "@/db/queries/piece-revisions";
import { dict } from "@/lib/i18n";
import { getStudioArticle } from "@/db/queries/studio-articles";
import { pieceNewsletterWeight } from "@/lib/email/studio-weight";
import { originOf } from "@/lib/publications/current";
import { publicationById } from "@/lib/publications/table";
import { requireStaffPage } from "@/lib/studio/guard";
import { studioTimeZone } from "@/lib/studio/time-zone";
import { effectiveStatus } from "@/lib/studio/piece-status";
import { PageTitle, formatInstant } from "../../_components/ui";
import { DeletePieceButton } from "../_components/delete-piece-button";
import { loadEditorOptions } from "../_components/editor-options";
import { PieceEditor } from "../_components/piece-editor";
import { PreviewLinks } from "../_components/preview-links";
import { RevisionList } from "../_components/revision-list";
import { toFormValues } from "../_components/types";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; restored?: string }> };

export default async function EditPiecePage({ params, searchParams }: Props) {
  const actor = await requireStaffPage("editor");
  const timeZone = studioTimeZone(actor.publicationId);
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  // A piece of another publication is not found in this publication's studio.
  const [article, options] = await Promise.all([getStudioArticle(db, actor.publicationId, Number(id)), loadEditorOptions(db, actor.publicationId)]);
  const pub = publicationById(actor.publicationId);
  if (!article) notFound();
  const status = effectiveStatus(article, new Date());
  const [send, weight, revisions] = await Promise.all([
    getNewsletterSend(db, article.id),
    pub ? pieceNewsletterWeight(db, pub, article) : null,
    listRevisions(db, actor.publicationId, article.id),
  ]);
  const query = await searchParams;
  return (
    <div>
      <PageTitle actions={<DeletePieceButton id={article.id} />}>기사 편집</PageTitle>
      <p className="mb-4 text-sm text-muted">
        현재 상태: <strong data-testid="effective-status">{status}</strong> · 발행 {formatInstant(article.publishAt, timeZone)} ·{" "}
        {status === "published" ? (
          <a href={`${pub ? originOf(pub) : ""}/articles/${article.slug}`} className="underline">
            사이트에서 보기
          </a>
        ) : (
          "아직 독자에게 보이지 않습니다"
        )}{" "}
        ·{" "}
        <Link href={`/studio/audit?subjectType=article&subjectId=${article.id}`} className="underline">
          변경 기록
        </Link>
      </p>
      {query.saved || query.restored ? (
        <p role="status" className="mb-4 rounded bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="saved">
          {query.restored ? dict("ko").studioEditor.revisions.restored : "저장했습니다."}
        </p>
      ) : null}
      {weight && (weight.clipped || weight.imageHeavy) ? (
        <p role="alert" className="mb-4 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="newsletter-weight-warning">
          뉴스레터로 보내면{" "}
          {weight.clipped
            ? `메일 HTML이 ${Math.round(weight.bytes / 1024)} KB로 Gmail이 102 KB에서 자르는 크기를 넘습니다. 본문을 줄이거나 유료 구분선을 앞으로 옮기세요.`
            : ""}
          {weight.imageHeavy ? ` 이미지가 ${weight.images}개로 많아 느리게 열리고 스팸함으로 갈 수 있습니다.` : ""}
        </p>
      ) : null}
      <PieceEditor key={query.restored ?? "edit"} initial={toFormValues(article, send)} options={options} />
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <RevisionList pieceId={article.id} revisions={revisions} />
        {status === "published" ? null : <PreviewLinks pieceId={article.id} />}
      </div>
    </div>
  );
}
