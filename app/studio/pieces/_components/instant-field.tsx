"use client";

import { useState } from "react";
import { zoneAbbreviation } from "@/lib/time/format";
import { instantToWallTime, wallTimeToInstant } from "@/lib/time/zoned";
import { useStudioTimeZone } from "../../_components/studio-clock";
import { inputClass } from "../../_components/ui";

// The input shows the publication's clock, not the editor's computer's: a piece scheduled for
// "09:00" goes live at 09:00 KST even when its editor travels. The server gets an unambiguous ISO
// instant in a hidden field; the zone is printed beside the input.

export function InstantField({ name, id, value, onChange }: { name: string; id: string; value: string | null; onChange?: (iso: string | null) => void }) {
  const timeZone = useStudioTimeZone();
  const [iso, setIso] = useState<string | null>(value);
  return (
    <>
      <span className="flex items-center gap-2">
        <input
          id={id}
          type="datetime-local"
          step={1}
          defaultValue={value ? instantToWallTime(value, timeZone) : ""}
          aria-describedby={`${id}-zone`}
          className={inputClass}
          onChange={(e) => {
            const next = wallTimeToInstant(e.target.value, timeZone)?.toISOString() ?? null;
            setIso(next);
            onChange?.(next);
          }}
        />
        <span id={`${id}-zone`} className="shrink-0 text-xs text-muted" data-testid={`${name}-zone`}>
          {zoneAbbreviation(timeZone)}
        </span>
      </span>
      <input type="hidden" name={name} value={iso ?? ""} data-testid={`${name}-iso`} />
    </>
  );
}
