import Link from "next/link";
import { getDb } from "@/db/client";
import { countStripeEventsByStatus, listRecentStripeEvents } from "@/db/queries/billing-reads";
import { stripeEventStatuses, type StripeEventStatus } from "@/db/schema";
import { requireStaffPage } from "@/lib/studio/guard";
import { PageTitle } from "../_components/ui";
import { EventsTable } from "./_components/events-table";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ status?: string }> };

// The webhook ledger: events that could not be applied (with the reason) first, then the latest
// events of every kind. Staff only, checked here again (the layout's check is not the gate).
export default async function StudioBillingPage({ searchParams }: Props) {
  const actor = await requireStaffPage("editor");
  const raw = (await searchParams).status;
  const status = stripeEventStatuses.find((s) => s === raw);
  const db = await getDb();
  // This publication's events; events for prices of no publication only network admins see.
  const scope = { publicationId: actor.publicationId, withUnknown: actor.network };
  const [counts, unapplied, recent] = await Promise.all([
    countStripeEventsByStatus(db, scope),
    listRecentStripeEvents(db, scope, { status: "unapplied", limit: 50 }),
    listRecentStripeEvents(db, scope, { status, limit: 100 }),
  ]);
  const filter = (s: StripeEventStatus | undefined, label: string) => (
    <Link
      href={s ? `/studio/billing?status=${s}` : "/studio/billing"}
      className={`rounded border px-2 py-1 ${status === s ? "border-ink bg-ink text-white" : "border-rule bg-white"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="flex flex-col gap-8">
      <PageTitle>결제 (Stripe)</PageTitle>
      <section aria-labelledby="unapplied-heading" className="flex flex-col gap-2">
        <h2 id="unapplied-heading" className="text-lg font-bold">
          적용하지 못한 이벤트 ({counts.unapplied})
        </h2>
        <p className="text-sm text-muted">
          알 수 없는 가격·고객, 읽을 수 없는 페이로드 등. 가격을 등급에 연결한 뒤에는 `stripe:reconcile --fix`로 다시 맞출 수 있습니다.
        </p>
        <EventsTable rows={unapplied} testId="unapplied-events" />
      </section>
      <section aria-labelledby="recent-heading" className="flex flex-col gap-2">
        <h2 id="recent-heading" className="text-lg font-bold">
          최근 이벤트
        </h2>
        <nav aria-label="결과로 거르기" className="flex flex-wrap gap-2 text-sm">
          {filter(undefined, `전체 ${counts.applied + counts.ignored + counts.unapplied}`)}
          {filter("applied", `적용 ${counts.applied}`)}
          {filter("ignored", `무시 ${counts.ignored}`)}
          {filter("unapplied", `미적용 ${counts.unapplied}`)}
        </nav>
        <EventsTable rows={recent} testId="recent-events" />
      </section>
    </div>
  );
}
