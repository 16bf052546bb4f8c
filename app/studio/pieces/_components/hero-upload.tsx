"use client";

import { useState } from "react";
import { inputClass } from "../../_components/ui";

// Uploads a hero image and puts its URL into the hero image field (the form still saves the URL).
export function HeroUpload({ onUploaded }: { onUploaded: (url: string) => void }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor="heroFile" className="font-semibold">
        대표 이미지 올리기 (JPEG·PNG·WebP·AVIF·GIF, 5MB 이하)
      </label>
      <input
        id="heroFile"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        className={inputClass}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setError(null);
          setStatus("올리는 중…");
          const res = await fetch("/api/admin/studio/uploads", {
            method: "POST",
            body: file,
            headers: { "content-type": file.type || "application/octet-stream" },
          });
          const body = (await res.json().catch(() => ({}))) as { url?: string; error?: { message: string } };
          setStatus(null);
          if (res.ok && body.url) onUploaded(body.url);
          else setError(body.error?.message ?? `업로드 실패 (HTTP ${res.status})`);
        }}
      />
      {status ? <span className="text-muted">{status}</span> : null}
      {error ? (
        <span role="alert" className="text-accent" data-testid="error-heroFile">
          {error}
        </span>
      ) : null}
    </div>
  );
}
