"use client";

import { useActionState, useState } from "react";
import { Field, FieldError, FormError, buttonClass, inputClass, OptionList } from "../../../_components/ui";
import { InstantField } from "../../../pieces/_components/instant-field";
import { grantCompAction } from "../../actions";

const presets = [
  ["7d", "7일"],
  ["30d", "30일"],
  ["90d", "90일"],
  ["1y", "1년"],
  ["lifetime", "평생"],
  ["custom", "직접 지정"],
] as const;

export function GrantForm({ memberId, tiers }: { memberId: number; tiers: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(grantCompAction.bind(null, memberId), null);
  const [preset, setPreset] = useState<string>("30d");
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="grid gap-3 rounded border border-rule bg-white p-4 md:grid-cols-2" aria-labelledby="grant-heading">
      <h2 id="grant-heading" className="text-lg font-bold md:col-span-2">
        무료 권한 주기 (complimentary grant)
      </h2>
      <div className="md:col-span-2">
        <FormError error={error} fields={["tier", "startsAt", "preset", "endsAt", "note"]} />
      </div>
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800 md:col-span-2" data-testid="grant-saved">
          권한 #{state.data.id}을 주었습니다.
        </p>
      ) : null}
      <Field label="등급" htmlFor="grant-tier">
        <select id="grant-tier" name="tier" className={inputClass} defaultValue={tiers[0]?.value}>
          <OptionList options={tiers} />
        </select>
        <FieldError error={error} field="tier" />
      </Field>
      <Field label="시작 (비우면 지금)" htmlFor="grant-start">
        <InstantField id="grant-start" name="startsAt" value={null} />
        <FieldError error={error} field="startsAt" />
      </Field>
      <fieldset className="flex flex-wrap items-center gap-3 md:col-span-2">
        <legend className="mb-1 text-sm font-semibold">기간</legend>
        {presets.map(([value, label]) => (
          <label key={value} className="flex items-center gap-1 text-sm">
            <input type="radio" name="preset" value={value} checked={preset === value} onChange={() => setPreset(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {preset === "custom" ? (
        <Field label="끝" htmlFor="grant-end">
          <InstantField id="grant-end" name="endsAt" value={null} />
          <FieldError error={error} field="endsAt" />
        </Field>
      ) : (
        <input type="hidden" name="endsAt" value="" />
      )}
      <Field label="메모" htmlFor="grant-note">
        <input id="grant-note" name="note" className={inputClass} placeholder="예: 파트너 기관 30일 열람" />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} md:col-span-2`}>
        {pending ? "저장 중…" : "권한 주기"}
      </button>
    </form>
  );
}
