"use client";

import { useActionState } from "react";
import { dict } from "@/lib/i18n";
import { Field, FieldError, FormError, buttonClass, inputClass, OptionList } from "../../_components/ui";
import { addMemberAction } from "../actions";

const t = dict("ko").studioMembers.add;
const presets = ["7d", "30d", "90d", "1y", "lifetime"] as const;

export function AddMemberForm({ tiers }: { tiers: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(addMemberAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="grid gap-3 rounded border border-rule bg-white p-4 md:grid-cols-2" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading" className="text-lg font-bold md:col-span-2">
        {t.heading}
      </h2>
      <p className="text-sm text-muted md:col-span-2">{t.hint}</p>
      <div className="md:col-span-2">
        <FormError error={error} fields={["email", "tier", "preset", "note"]} />
      </div>
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800 md:col-span-2" data-testid="member-added">
          {t.done(state.data.email)}
        </p>
      ) : null}
      <Field label={t.email} htmlFor="add-email">
        <input id="add-email" name="email" type="email" required className={inputClass} autoComplete="off" />
        <FieldError error={error} field="email" />
      </Field>
      <Field label={t.tier} htmlFor="add-tier">
        <select id="add-tier" name="tier" className={inputClass} defaultValue="">
          <option value="">{t.noGrant}</option>
          <OptionList options={tiers} />
        </select>
        <FieldError error={error} field="tier" />
      </Field>
      <Field label={t.period} htmlFor="add-preset">
        <select id="add-preset" name="preset" className={inputClass} defaultValue="30d">
          {presets.map((p) => (
            <option key={p} value={p}>
              {t.presets[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.note} htmlFor="add-note">
        <input id="add-note" name="note" className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={`${buttonClass} md:col-span-2`}>
        {pending ? t.pending : t.submit}
      </button>
    </form>
  );
}
