import type { MemberImportReport } from "@/lib/import/members/report";
import type { IssueKind } from "@/lib/import/members/types";
import { DataTable } from "../../../_components/data-table";
import { inputClass, OptionList } from "../../../_components/ui";

export type Option = { value: string; label: string };

const n = (x: number) => x.toLocaleString("ko-KR");

const kindLabels: Record<IssueKind, string> = {
  csv: "CSV 형식 오류",
  columns: "열 없음",
  encoding: "인코딩",
  unknown_level: "대응 등급 없음",
  invalid_email: "잘못된 주소",
  invalid_date: "잘못된 날짜",
  invalid_value: "잘못된 값",
  missing_end: "만료일 없음",
  duplicate: "중복",
  skipped_level: "건너뛴 등급",
  deleted: "삭제된 회원",
  deletion_request: "삭제 요청",
  stripe_conflict: "Stripe 고객 충돌",
  kept_higher: "기존 권한 유지",
  kept_revoked: "회수된 권한 유지",
};

export function summaryLines(r: MemberImportReport): string[] {
  const state = r.errors ? `오류 ${n(r.errors)}건: 아무것도 가져오지 않았습니다` : r.applied ? "가져왔습니다" : "미리 보기: 아직 아무것도 쓰지 않았습니다";
  return [
    `${n(r.rows)}행 — ${state}`,
    `회원: 새로 ${n(r.members.created)} · 정보 채움 ${n(r.members.updated)} · 그대로 ${n(r.members.unchanged)}`,
    `계정: 새로 ${n(r.accounts.created)} (뉴스레터 받음 ${n(r.accounts.newsletter)})`,
    `권한: 부여 ${n(r.grants.created)} · 만료 이력 ${n(r.grants.history)} · 연장 ${n(r.grants.updated)} · 그대로 ${n(r.grants.unchanged)} · 이미 가진 권한 ${n(r.grants.covered)} · 기존 유지 ${n(r.grants.kept)}`,
    `Stripe 고객 연결 ${n(r.stripeCustomers)} · 건너뛴 행 ${n(r.skipped)}`,
  ];
}

/** Source levels with the tier each goes to; a select per level so the admin can map them. */
export function LevelMapping({
  report,
  tiers,
  map,
  onChange,
}: {
  report: MemberImportReport;
  tiers: Option[];
  map: Record<string, string>;
  onChange: (level: string, target: string) => void;
}) {
  const levels = report.levels.filter((l) => l.level !== "(free)");
  if (!levels.length) return null;
  const options = [...tiers, { value: "free", label: "무료 회원 (free)" }, { value: "skip", label: "가져오지 않음 (skip)" }];
  return (
    <DataTable testId="member-import-levels" className="w-full text-sm" columns={["원래 등급", "행", "이 발행처의 등급"]}>
      {levels.map((l) => (
        <tr key={l.level} className="border-b border-rule">
          <td className="p-2">{l.level}</td>
          <td className="p-2">{n(l.rows)}</td>
          <td className="p-2">
            <select
              aria-label={`${l.level} 등급 대응`}
              className={inputClass}
              value={map[l.level] ?? l.target ?? ""}
              onChange={(e) => onChange(l.level, e.target.value)}
            >
              <option value="" disabled>
                선택하세요
              </option>
              <OptionList options={options} />
            </select>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function IssueList({ report }: { report: MemberImportReport }) {
  if (!report.issues.length) return null;
  const total = Object.values(report.issueCounts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="member-import-issues">
      <p className="font-semibold">
        알림 {n(total)}건{total > report.issues.length ? ` (처음 ${n(report.issues.length)}건)` : ""}
      </p>
      <ul className="max-h-96 list-disc overflow-auto pl-5">
        {report.issues.map((i, k) => (
          <li key={`${i.line}-${k}`}>
            {i.line ? `${i.line}행` : "파일"}: [{kindLabels[i.kind]}] {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
