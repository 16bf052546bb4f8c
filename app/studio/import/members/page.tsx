import Link from "next/link";
import { getDb } from "@/db/client";
import { listTiers } from "@/db/queries/taxonomy";
import { paidTiers } from "@/lib/access";
import { requireStaffPage } from "@/lib/studio/guard";
import { PageTitle } from "../../_components/ui";
import { MemberImportForm } from "./_components/member-import-form";
import { NotifyImportedButton } from "./_components/notify-imported-button";
import { and, count, eq } from "drizzle-orm";
import { emailDeliveries, publicationMembers } from "@/db/schema";

export default async function MemberImportPage() {
  const actor = await requireStaffPage("admin");
  const db = await getDb();
  const tiers = paidTiers(await listTiers(db, actor.publicationId)).map((t) => ({ value: t.slug, label: `${t.name} (${t.slug})` }));
  const [[imported], [notified]] = await Promise.all([
    db
      .select({ n: count() })
      .from(publicationMembers)
      .where(and(eq(publicationMembers.publicationId, actor.publicationId), eq(publicationMembers.source, "import"))),
    db
      .select({ n: count() })
      .from(emailDeliveries)
      .where(and(eq(emailDeliveries.publicationId, actor.publicationId), eq(emailDeliveries.kind, "account_moved"))),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        actions={
          <Link href="/studio/import" className="text-sm hover:underline">
            WordPress 글 가져오기
          </Link>
        }
      >
        회원 가져오기
      </PageTitle>
      <p className="text-sm text-muted">
        다른 곳의 회원과 유료 권한을 이 발행처로 옮깁니다: WordPress Paid Memberships Pro의 회원 목록(Members List CSV), Ghost 회원 내보내기, Substack 구독자
        내보내기, 또는 <code>email, name, tier, starts_at, ends_at, newsletter, note</code> 열의 CSV. 유료 회원은 원래의 시작일과 만료일을 가진 기간제 권한을
        받고, 이미 끝난 회원은 무료 회원이 되며 그 이력이 남습니다. 먼저 미리 보기로 무엇이 생기고 바뀌고 건너뛰는지 확인한 다음 가져오세요. 같은 파일을 다시
        가져와도 바뀌는 것은 없고, 회원이 이미 가진 권한은 줄어들지 않습니다. 가져온 회원에게는 아무 메일도 가지 않습니다.
      </p>
      <p className="text-sm text-muted">
        스튜디오로는 10MB까지 올릴 수 있습니다. 더 큰 파일은 명령줄로:{" "}
        <code>npm run masthead -- import:members 파일.csv --format pmpro --map Gold=premium [--dry-run]</code>
      </p>
      <MemberImportForm tiers={tiers} />
      {imported.n > 0 ? (
        <section aria-labelledby="notify-heading" className="flex flex-col gap-2 rounded border border-rule bg-white p-4" data-testid="notify-imported">
          <h2 id="notify-heading" className="font-bold">
            가져온 회원에게 알리기
          </h2>
          <p className="text-sm text-muted">
            가져온 계정 {imported.n.toLocaleString("ko-KR")}개 중 {notified.n.toLocaleString("ko-KR")}개에 “계정이 옮겨졌습니다” 안내를 보냈거나 보내는
            중입니다. 준비가 되면 보내세요 (계정마다 한 번).
          </p>
          <div>
            <NotifyImportedButton accounts={imported.n - notified.n} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
