import Link from "next/link";
import { getDb } from "@/db/client";
import { listAudit, type AuditFilter } from "@/db/queries/studio-audit";
import { requireStaffPage } from "@/lib/studio/guard";
import { AuditList } from "../_components/audit-list";
import { PageTitle, ghostButtonClass, inputClass } from "../_components/ui";

type Props = { searchParams: Promise<Record<string, string | undefined>> };
const PAGE = 100;

// Every grant, role, piece and setting change, newest first (who, what, when).
export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireStaffPage("editor");
  const sp = await searchParams;
  const filter: AuditFilter = {
    action: sp.action || undefined,
    subjectType: sp.subjectType || undefined,
    subjectId: sp.subjectId || undefined,
    before: sp.before && /^\d+$/.test(sp.before) ? Number(sp.before) : undefined,
  };
  const entries = await listAudit(await getDb(), { ...filter, publicationId: actor.publicationId }, PAGE);
  const last = entries.at(-1);
  const next = new URLSearchParams({
    ...Object.fromEntries(
      Object.entries(filter)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ),
    before: String(last?.id ?? ""),
  });
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>감사 로그</PageTitle>
      <form method="get" className="flex flex-wrap gap-2">
        <input name="action" defaultValue={filter.action} placeholder="action (예: grant.create)" aria-label="action" className={`${inputClass} max-w-56`} />
        <input
          name="subjectType"
          defaultValue={filter.subjectType}
          placeholder="대상 종류 (article, grant…)"
          aria-label="subject type"
          className={`${inputClass} max-w-56`}
        />
        <input name="subjectId" defaultValue={filter.subjectId} placeholder="대상 id" aria-label="subject id" className={`${inputClass} max-w-32`} />
        <button className={ghostButtonClass}>필터</button>
      </form>
      <AuditList entries={entries} />
      {entries.length === PAGE ? (
        <Link href={`/studio/audit?${next}`} className="underline">
          더 오래된 기록
        </Link>
      ) : null}
    </div>
  );
}
