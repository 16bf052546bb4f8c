"use client";

import { useState } from "react";
import { inputClass } from "../../_components/ui";

// datetime-local shows the editor's own clock; the server gets an unambiguous ISO instant in a
// hidden field, so a piece scheduled for "09:00" is 09:00 where the editor sits.
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function InstantField({ name, id, value, onChange }: { name: string; id: string; value: string | null; onChange?: (iso: string | null) => void }) {
  const [iso, setIso] = useState<string | null>(value);
  return (
    <>
      <input
        id={id}
        type="datetime-local"
        step={1}
        defaultValue={toLocalInput(value)}
        className={inputClass}
        onChange={(e) => {
          const d = e.target.value ? new Date(e.target.value) : null;
          const next = d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
          setIso(next);
          onChange?.(next);
        }}
      />
      <input type="hidden" name={name} value={iso ?? ""} data-testid={`${name}-iso`} />
    </>
  );
}
