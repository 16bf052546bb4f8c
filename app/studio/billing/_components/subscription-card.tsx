import type { Grant, StripeSubscription } from "@/db/schema";
import { Instant } from "../../_components/studio-clock";

// A subscription as the webhook last stored it, next to the grant derived from it.
export function SubscriptionCard({ sub, grant, linkedBy }: { sub: StripeSubscription; grant: Grant | null; linkedBy: string }) {
  const rows: [string, React.ReactNode][] = [
    [
      "상태",
      <strong key="s" data-testid="sub-status">
        {sub.status ?? "스냅숏 없음"}
      </strong>,
    ],
    ["등급 · 가격", `${sub.tierSlug ?? "알 수 없음"} · ${sub.priceId ?? "—"}${sub.interval ? ` (${sub.interval})` : ""}`],
    [
      "현재 기간",
      <>
        <Instant at={sub.currentPeriodStart} /> → <Instant at={sub.currentPeriodEnd} />
      </>,
    ],
    [
      "해지",
      sub.cancelAtPeriodEnd ? (
        <>
          기간 끝에 해지 (요청 <Instant at={sub.canceledAt} />)
        </>
      ) : sub.canceledAt ? (
        <>
          해지 <Instant at={sub.canceledAt} /> · 종료 <Instant at={sub.endedAt} />
        </>
      ) : (
        "—"
      ),
    ],
    ["스냅숏 시각", <Instant key="snap" at={sub.snapshotAt} />],
    ["회원 연결", `${linkedBy} · 고객 ${sub.customerId ?? "—"}`],
    [
      "권한",
      grant ? (
        <>
          #{grant.id} {grant.tierSlug} <Instant at={grant.startsAt} /> → <Instant at={grant.endsAt} />
          {grant.revokedAt ? (
            <>
              {" "}
              · 취소 <Instant at={grant.revokedAt} /> ({grant.revokedReason ?? ""})
            </>
          ) : null}
        </>
      ) : (
        "없음"
      ),
    ],
  ];
  return (
    <section className="rounded border border-rule bg-white p-4 text-sm" data-testid="studio-subscription">
      <h3 className="mb-2 font-mono text-sm font-semibold">{sub.id}</h3>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
