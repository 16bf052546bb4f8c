"use client";

import { useRef } from "react";
import { FieldError, ghostButtonClass, inputClass } from "../../_components/ui";
import type { ActionError } from "@/lib/studio/action-result";

const MARKER = "<!-- paywall -->";

// Markdown body with a toolbar that places the paywall marker on its own line at the cursor
// (a marker inside a paragraph would not cut; lib/articles/preview.ts wants it alone on a line).
export function BodyEditor({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: ActionError | null }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const insertMarker = () => {
    const el = ref.current;
    const at = el ? el.selectionStart : value.length;
    const before = value.slice(0, at).replace(/\s*$/, "");
    const after = value.slice(at).replace(/^\s*/, "");
    const withoutOld = (s: string) => s.replace(/^\s*<!--\s*paywall\s*-->\s*$/gim, "").replace(/\n{3,}/g, "\n\n");
    onChange(`${withoutOld(before)}\n\n${MARKER}\n\n${withoutOld(after)}`.replace(/^\n+/, ""));
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <label htmlFor="body" className="text-sm font-semibold">
          본문 (Markdown)
        </label>
        <div role="toolbar" aria-label="본문 도구" className="flex gap-2">
          <button type="button" onClick={insertMarker} className={ghostButtonClass}>
            페이월 위치 삽입 (paywall)
          </button>
        </div>
      </div>
      <textarea
        ref={ref}
        id="body"
        name="body"
        rows={22}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputClass} font-mono leading-relaxed`}
      />
      <p className="text-xs text-muted">
        페이월 표시가 없으면 처음 N문단이 미리보기로 공개됩니다. 표시는 한 번만 둘 수 있습니다 (다시 삽입하면 옮겨집니다).
      </p>
      <FieldError error={error} field="body" />
    </div>
  );
}
