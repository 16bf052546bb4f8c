import type { AuditEntry } from "@/db/schema";
import { DataTable } from "./data-table";
import { Instant } from "./studio-clock";

export function AuditList({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="text-muted">기록이 없습니다.</p>;
  return (
    <DataTable testId="audit-table" columns={["언제", "누가", "무엇", "대상", "내용"]}>
      {entries.map((e) => (
        <tr key={e.id} className="border-b border-rule align-top">
          <td className="whitespace-nowrap p-2">
            <Instant at={e.at} />
          </td>
          <td className="p-2">{e.actorLabel}</td>
          <td className="p-2">
            <code>{e.action}</code>
          </td>
          <td className="p-2">
            {e.subjectType} #{e.subjectId}
          </td>
          <td className="p-2">{e.summary}</td>
        </tr>
      ))}
    </DataTable>
  );
}
