"use client";

import { useState } from "react";
import { buttonClass, inputClass } from "../../_components/ui";

type Outcome = { ok: true; summary: string } | { ok: false; message: string };

// XMLHttpRequest rather than fetch: it reports upload progress for large exports.
function upload(file: File, onProgress: (pct: number) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/admin/studio/import");
    xhr.setRequestHeader("content-type", "application/xml");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { summary?: string; error?: { message: string } };
        resolve(xhr.status === 200 && body.summary ? { ok: true, summary: body.summary } : { ok: false, message: body.error?.message ?? `HTTP ${xhr.status}` });
      } catch {
        resolve({ ok: false, message: `HTTP ${xhr.status}` });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: "네트워크 오류" });
    xhr.send(file);
  });
}

export function ImportUpload() {
  const [file, setFile] = useState<File | null>(null);
  const [pct, setPct] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = pct !== null && outcome === null;
  return (
    <form
      className="flex flex-col gap-3 rounded border border-rule bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        setOutcome(null);
        setPct(0);
        setOutcome(await upload(file, setPct));
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-semibold">WXR 파일</span>
        <input type="file" accept=".xml,application/xml,text/xml" className={inputClass} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="submit" disabled={!file || busy} className={buttonClass}>가져오기</button>
      {pct !== null ? (
        <div className="flex flex-col gap-1 text-sm" aria-live="polite">
          <progress max={100} value={pct} className="w-full" aria-label="업로드 진행률" />
          <span>{pct < 100 ? `업로드 ${pct}%` : outcome ? "완료" : "업로드 완료, 가져오는 중…"}</span>
        </div>
      ) : null}
      {outcome?.ok ? <pre role="status" className="whitespace-pre-wrap rounded bg-green-50 p-3 text-sm" data-testid="import-result">{outcome.summary}</pre> : null}
      {outcome && !outcome.ok ? <p role="alert" className="text-sm text-accent" data-testid="import-error">{outcome.message}</p> : null}
    </form>
  );
}
