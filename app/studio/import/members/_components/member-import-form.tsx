"use client";

import { useState } from "react";
import type { MemberImportReport } from "@/lib/import/members/report";
import { buttonClass, Field, InlineAlert, ghostButtonClass, inputClass, OptionList, LabeledControl } from "../../../_components/ui";
import { UploadProgress } from "../../_components/upload-progress";
import { IssueList, LevelMapping, summaryLines, type Option } from "./member-import-report";

type Outcome = { ok: true; report: MemberImportReport } | { ok: false; message: string };
type Settings = { format: string; encoding: string; newsletter: boolean; paidUntil: string; skipInvalid: boolean };

const formats: Option[] = [
  { value: "pmpro", label: "WordPress Paid Memberships Pro (Members List CSV)" },
  { value: "ghost", label: "Ghost 회원 내보내기" },
  { value: "substack", label: "Substack 구독자 내보내기" },
  { value: "csv", label: "일반 CSV (email, name, tier, starts_at, ends_at, newsletter, note)" },
];

// XMLHttpRequest rather than fetch: it reports upload progress for large exports.
function upload(file: File, s: Settings, map: Record<string, string>, dryRun: boolean, onProgress: (pct: number) => void): Promise<Outcome> {
  const q = new URLSearchParams({
    format: s.format,
    encoding: s.encoding,
    newsletter: s.newsletter ? "yes" : "no",
    paidUntil: s.paidUntil,
    skipInvalid: s.skipInvalid ? "1" : "0",
    dryRun: dryRun ? "1" : "0",
    map: JSON.stringify(map),
  });
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/studio/import/members/upload?${q}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { report?: MemberImportReport; error?: { message: string } };
        resolve(xhr.status === 200 && body.report ? { ok: true, report: body.report } : { ok: false, message: body.error?.message ?? `HTTP ${xhr.status}` });
      } catch {
        resolve({ ok: false, message: `HTTP ${xhr.status}` });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: "네트워크 오류" });
    xhr.send(file);
  });
}

export function MemberImportForm({ tiers }: { tiers: Option[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [settings, setSettings] = useState<Settings>({ format: "pmpro", encoding: "utf-8", newsletter: false, paidUntil: "", skipInvalid: false });
  const [map, setMap] = useState<Record<string, string>>({});
  const [pct, setPct] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The import runs only after a dry run of these very settings found no error.
  const [checked, setChecked] = useState(false);
  const change = (next: Partial<Settings>) => {
    setSettings({ ...settings, ...next });
    setChecked(false);
  };
  const go = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setPct(0);
    const result = await upload(file, settings, map, dryRun, setPct);
    setOutcome(result);
    setChecked(dryRun && result.ok && result.report.errors === 0);
    setBusy(false);
  };
  const report = outcome?.ok ? outcome.report : null;
  return (
    <form className="flex flex-col gap-3 rounded border border-rule bg-white p-4" onSubmit={(e) => e.preventDefault()}>
      <Field label="내보낸 파일의 형식" htmlFor="format">
        <select id="format" className={inputClass} value={settings.format} onChange={(e) => change({ format: e.target.value })}>
          <OptionList options={formats} />
        </select>
      </Field>
      <LabeledControl label="CSV 파일">
        <input
          type="file"
          accept=".csv,text/csv"
          className={inputClass}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setChecked(false);
            setOutcome(null);
          }}
        />
      </LabeledControl>
      <Field
        label="문자 인코딩"
        htmlFor="encoding"
        hint="한국어 Excel에서 그냥 ‘CSV’로 저장한 파일은 CP949입니다. ‘CSV UTF-8’로 저장하거나 여기서 CP949를 고르세요."
      >
        <select id="encoding" className={inputClass} value={settings.encoding} onChange={(e) => change({ encoding: e.target.value })}>
          <option value="utf-8">UTF-8</option>
          <option value="cp949">CP949 (EUC-KR)</option>
        </select>
      </Field>
      <Field
        label="유료 기간 끝 (만료일이 없는 유료 회원)"
        htmlFor="paidUntil"
        hint="Ghost 내보내기에는 유료 회원의 결제 만료일이 없습니다: 이 날까지 권한을 주고, 이후는 Stripe 구독이 이어받습니다."
      >
        <input id="paidUntil" type="date" className={inputClass} value={settings.paidUntil} onChange={(e) => change({ paidUntil: e.target.value })} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={settings.newsletter} onChange={(e) => change({ newsletter: e.target.checked })} />
        동의 여부가 파일에 없는 회원도 뉴스레터를 받게 하기 (기본: 받지 않음)
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={settings.skipInvalid} onChange={(e) => change({ skipInvalid: e.target.checked })} />
        잘못된 주소·날짜가 있는 행은 건너뛰고 나머지를 가져오기
      </label>
      <div className="flex gap-2">
        <button type="button" disabled={!file || busy} className={ghostButtonClass} onClick={() => go(true)}>
          미리 보기
        </button>
        <button type="button" disabled={!file || busy || !checked} className={buttonClass} onClick={() => go(false)}>
          가져오기
        </button>
      </div>
      <UploadProgress pct={pct} afterUpload={busy ? "업로드 완료, 확인하는 중…" : "완료"} />
      {report ? (
        <>
          <pre
            role="status"
            className={`whitespace-pre-wrap rounded p-3 text-sm ${report.errors ? "bg-red-50" : "bg-green-50"}`}
            data-testid="member-import-result"
          >
            {summaryLines(report).join("\n")}
          </pre>
          <LevelMapping
            report={report}
            tiers={tiers}
            map={map}
            onChange={(level, target) => {
              setMap({ ...map, [level]: target });
              setChecked(false);
            }}
          />
          <IssueList report={report} />
        </>
      ) : null}
      <InlineAlert block message={outcome && !outcome.ok ? outcome.message : null} testId="member-import-error" />
    </form>
  );
}
