// An upload's progress (the file leaves in chunks), then `afterUpload` once every byte is sent.
export function UploadProgress({ pct, afterUpload }: { pct: number | null; afterUpload: string }) {
  if (pct === null) return null;
  return (
    <div className="flex flex-col gap-1 text-sm" aria-live="polite">
      <progress max={100} value={pct} className="w-full" aria-label="업로드 진행률" />
      <span>{pct < 100 ? `업로드 ${pct}%` : afterUpload}</span>
    </div>
  );
}
