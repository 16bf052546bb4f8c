import Link from "next/link";
import type { StudioArticle } from "@/db/queries/studio-articles";
import { effectiveStatus } from "@/lib/studio/piece-status";
import { DataTable } from "../../_components/data-table";
import { Instant } from "../../_components/studio-clock";

const statusLabel = { draft: "초안", scheduled: "예약", published: "발행" } as const;

export function PiecesTable({ rows, now }: { rows: StudioArticle[]; now: Date }) {
  if (rows.length === 0) return <p className="text-muted">조건에 맞는 기사가 없습니다.</p>;
  return (
    <DataTable testId="pieces-table" className="w-full border-collapse bg-white text-sm" columns={["제목", "상태", "발행 시각", "접근", "섹션", "저자"]}>
      {rows.map((a) => {
        const status = effectiveStatus(a, now);
        return (
          <tr key={a.id} className="border-b border-rule align-top">
            <td className="p-2">
              <Link href={`/studio/pieces/${a.id}`} className="font-semibold hover:underline">
                {a.title}
              </Link>
              <div className="text-xs text-muted">{a.slug}</div>
            </td>
            <td className="p-2" data-status={status}>
              {statusLabel[status]}
            </td>
            <td className="p-2">
              <Instant at={a.publishAt} />
            </td>
            <td className="p-2">
              {a.access}
              {a.unlockAt ? (
                <div className="text-xs text-muted">
                  공개 전환 <Instant at={a.unlockAt} />
                </div>
              ) : null}
            </td>
            <td className="p-2">{a.section?.name ?? "—"}</td>
            <td className="p-2">{a.authors.map((x) => x.name).join(", ") || "—"}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
