import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listMemberStripeEvents, listMemberSubscriptions } from "@/db/queries/billing";
import { getMemberById, listGrants } from "@/db/queries/members";
import { requireStaffPage } from "@/lib/studio/guard";
import { LINK_RANK } from "@/lib/billing/ledger/link-rule";
import { PageTitle } from "../../_components/ui";
import { EventsTable } from "../_components/events-table";
import { SubscriptionCard } from "../_components/subscription-card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ memberId: string }> };

const linkLabel = (rank: number) => Object.entries(LINK_RANK).find(([, r]) => r === rank)?.[0] ?? "—";

// One member's billing: each Stripe subscription as last stored (the freshest snapshot), the
// grant derived from it, and every event the webhook applied to this member.
export default async function MemberBillingPage({ params }: Props) {
  const actor = await requireStaffPage("editor");
  const { memberId } = await params;
  if (!/^\d{1,9}$/.test(memberId)) notFound();
  const db = await getDb();
  const member = await getMemberById(db, Number(memberId));
  if (!member) notFound();
  // What concerns this publication: its subscriptions, events and grants.
  const [subs, events, grants] = await Promise.all([
    listMemberSubscriptions(db, member.id).then((all) => all.filter((s) => s.publicationId === actor.publicationId)),
    listMemberStripeEvents(db, member.id, 100).then((all) =>
      all.filter((e) => e.publicationId === actor.publicationId || (actor.network && e.publicationId === null)),
    ),
    listGrants(db, member.id).then((all) => all.filter((g) => g.publicationId === actor.publicationId)),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle
        actions={
          <Link href={`/studio/members/${member.id}`} className="underline">
            회원 화면
          </Link>
        }
      >
        {member.email} · 결제
      </PageTitle>
      <p className="text-sm text-muted">
        Stripe 고객 <code data-testid="stripe-customer">{member.stripeCustomerId ?? "없음"}</code>
      </p>
      <section aria-labelledby="subs-heading" className="flex flex-col gap-3">
        <h2 id="subs-heading" className="text-lg font-bold">
          구독
        </h2>
        {subs.length === 0 ? <p className="text-muted">Stripe 구독 없음</p> : null}
        {subs.map((s) => (
          <SubscriptionCard
            key={s.id}
            sub={s}
            grant={grants.find((g) => g.source === "stripe" && g.sourceRef === s.id) ?? null}
            linkedBy={linkLabel(s.memberLinkRank)}
          />
        ))}
      </section>
      <section aria-labelledby="events-heading" className="flex flex-col gap-2">
        <h2 id="events-heading" className="text-lg font-bold">
          이 회원에게 적용된 이벤트 (최근 {events.length}건)
        </h2>
        <EventsTable rows={events.map((event) => ({ event }))} showMember={false} testId="member-events" />
      </section>
    </div>
  );
}
