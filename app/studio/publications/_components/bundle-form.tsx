"use client";

import { useActionState } from "react";
import { FormError, buttonClass } from "../../_components/ui";
import { setBundleAction } from "../actions";

export type BundleOption = { id: number; label: string };

// Which tiers of other publications this tier includes; saving replaces the list.
export function BundleForm({ tierId, tierLabel, options, included }: { tierId: number; tierLabel: string; options: BundleOption[]; included: number[] }) {
  const [state, action, pending] = useActionState(setBundleAction.bind(null, tierId), null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="flex flex-col gap-2 rounded border border-rule bg-white p-3 text-sm" aria-label={`번들 ${tierLabel}`}>
      <p className="font-semibold">{tierLabel} 회원이 함께 읽는 등급</p>
      <FormError error={error} fields={[]} />
      {options.length === 0 ? <p className="text-muted">다른 발행처에 유료 등급이 없습니다.</p> : null}
      {options.map((o) => (
        <label key={o.id} className="flex items-center gap-2">
          <input type="checkbox" name="includes" value={o.id} defaultChecked={included.includes(o.id)} />
          {o.label}
        </label>
      ))}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>
          번들 저장
        </button>
        {state?.ok ? (
          <span role="status" className="text-green-800">
            저장했습니다 ({state.data.count}개 포함).
          </span>
        ) : null}
      </div>
    </form>
  );
}
