import Link from "next/link";
import type { StripeEvent } from "@/db/schema";
import { Instant } from "../../_components/studio-clock";

const statusClass: Record<string, string> = {
  applied: "text-green-800",
  ignored: "text-muted",
  unapplied: "font-semibold text-accent-dark",
};

export type EventRow = { event: StripeEvent; memberEmail?: string | null };

// Ledger rows: what Stripe sent, when, and what the webhook made of it (with the reason when it
// could not be applied: unknown price, unknown customer, unreadable payload…).
export function EventsTable({ rows, showMember = true, testId }: { rows: EventRow[]; showMember?: boolean; testId?: string }) {
  if (rows.length === 0) return <p className="text-muted">없음</p>;
  return (
    <div className="overflow-x-auto rounded border border-rule bg-white">
      <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-ink">
            <th scope="col" className="p-2">
              Stripe 시각
            </th>
            <th scope="col" className="p-2">
              이벤트
            </th>
            <th scope="col" className="p-2">
              결과
            </th>
            <th scope="col" className="p-2">
              이유
            </th>
            <th scope="col" className="p-2">
              대상
            </th>
            {showMember ? (
              <th scope="col" className="p-2">
                회원
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ event: e, memberEmail }) => (
            <tr key={e.id} className="border-b border-rule align-top">
              <td className="whitespace-nowrap p-2">
                <Instant at={e.created} />
                <div className="text-xs text-muted">
                  받음 <Instant at={e.receivedAt} />
                </div>
              </td>
              <td className="p-2">
                <code>{e.type}</code>
                <div className="break-all text-xs text-muted">{e.id}</div>
              </td>
              <td className={`p-2 ${statusClass[e.status] ?? ""}`}>{e.status}</td>
              <td className="p-2">{e.reason ?? ""}</td>
              <td className="break-all p-2 text-xs">{e.objectId ?? ""}</td>
              {showMember ? (
                <td className="p-2">
                  {e.memberId ? (
                    <Link href={`/studio/billing/${e.memberId}`} className="underline">
                      {memberEmail ?? `#${e.memberId}`}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
