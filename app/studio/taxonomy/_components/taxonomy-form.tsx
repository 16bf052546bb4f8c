"use client";

import { useActionState } from "react";
import type { TaxonomyKind } from "@/lib/studio/taxonomy";
import { FieldError, FormError, buttonClass, inputClass } from "../../_components/ui";
import { saveTaxonomyAction } from "../actions";

export type FieldSpec = { name: string; label: string; value: string | number | null; multiline?: boolean; type?: string };

// One form for an author, a section or a tag: new (id null) or edit.
export function TaxonomyForm({ kind, id, fields, submitLabel }: { kind: TaxonomyKind; id: number | null; fields: FieldSpec[]; submitLabel: string }) {
  const [state, action, pending] = useActionState(saveTaxonomyAction.bind(null, kind, id), null);
  const error = state && !state.ok ? state.error : null;
  const key = `${kind}-${id ?? "new"}`;
  return (
    <form action={action} className="grid gap-2 md:grid-cols-2" aria-label={`${kind} ${id ?? "new"}`}>
      <div className="md:col-span-2">
        <FormError error={error} fields={fields.map((f) => f.name)} />
      </div>
      {fields.map((f) => (
        <label key={f.name} htmlFor={`${key}-${f.name}`} className={`flex flex-col gap-1 text-sm ${f.multiline ? "md:col-span-2" : ""}`}>
          <span className="font-semibold">{f.label}</span>
          {f.type === "checkbox" ? (
            <input id={`${key}-${f.name}`} name={f.name} type="checkbox" defaultChecked={f.value === "on"} className="h-4 w-4" />
          ) : f.multiline ? (
            <textarea id={`${key}-${f.name}`} name={f.name} rows={3} defaultValue={f.value ?? ""} className={inputClass} />
          ) : (
            <input id={`${key}-${f.name}`} name={f.name} type={f.type ?? "text"} defaultValue={f.value ?? ""} className={inputClass} />
          )}
          <FieldError error={error} field={f.name} />
        </label>
      ))}
      <div className="flex items-center gap-2 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          {submitLabel}
        </button>
        {state?.ok ? (
          <span role="status" className="text-sm text-green-800">
            저장했습니다.
          </span>
        ) : null}
      </div>
    </form>
  );
}
