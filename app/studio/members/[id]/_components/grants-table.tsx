import type { Grant } from "@/db/schema";
import { resolveGrantStatus } from "@/lib/access";
import { toGrantLike } from "@/lib/auth/member-access";
import { RevokeButton } from "./revoke-button";
import { DataTable } from "../../../_components/data-table";
import { Instant } from "../../../_components/studio-clock";

const statusLabel = { active: "유효", scheduled: "예정", ended: "종료", revoked: "회수됨" } as const;

export function GrantsTable({ grants, grantors, now, isAdmin }: { grants: Grant[]; grantors: Record<number, string>; now: Date; isAdmin: boolean }) {
  return (
    <section aria-labelledby="grants-heading">
      <h2 id="grants-heading" className="mb-2 text-lg font-bold">
        권한 (grants)
      </h2>
      <DataTable testId="grants-table" columns={["등급", "출처", "시작", "끝", "상태", "부여한 사람", ""]}>
        {grants.map((g) => {
          const status = resolveGrantStatus(toGrantLike(g), now);
          const canRevoke = (status === "active" || status === "scheduled") && (g.source !== "stripe" || isAdmin);
          return (
            <tr key={g.id} className="border-b border-rule" data-grant-id={g.id} data-status={status}>
              <td className="p-2">{g.tierSlug}</td>
              <td className="p-2">
                {g.source}
                {g.note ? <div className="text-xs text-muted">{g.note}</div> : null}
              </td>
              <td className="p-2">
                <Instant at={g.startsAt} />
              </td>
              <td className="p-2">{g.endsAt ? <Instant at={g.endsAt} /> : "평생 (lifetime)"}</td>
              <td className="p-2">
                {statusLabel[status]}
                {g.revokedReason ? <div className="text-xs text-muted">{g.revokedReason}</div> : null}
              </td>
              <td className="p-2">{g.grantedBy ? (grantors[g.grantedBy] ?? `#${g.grantedBy}`) : g.source === "stripe" ? "Stripe" : "—"}</td>
              <td className="p-2">{canRevoke ? <RevokeButton grantId={g.id} /> : null}</td>
            </tr>
          );
        })}
      </DataTable>
      {grants.length === 0 ? <p className="mt-2 text-muted">권한이 없습니다.</p> : null}
    </section>
  );
}
