import type { AuditEntry } from "@/db/schema";
import { Instant } from "./studio-clock";

export function AuditList({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="text-muted">기록이 없습니다.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full bg-white text-sm" data-testid="audit-table">
        <thead>
          <tr className="border-b border-rule text-left">
            <th className="p-2">언제</th>
            <th className="p-2">누가</th>
            <th className="p-2">무엇</th>
            <th className="p-2">대상</th>
            <th className="p-2">내용</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
