"use client";

import { useActionState } from "react";
import { FieldError, FormError, buttonClass, inputClass, LabeledControl } from "../../_components/ui";
import { createTokenAction } from "../actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="flex flex-col gap-2 rounded border border-rule bg-white p-4" aria-label="토큰 만들기">
      <FormError error={error} fields={["name"]} />
      <div className="flex items-end gap-2">
        <LabeledControl label="토큰 이름" className="flex-1">
          <input name="name" required maxLength={100} placeholder="예: 뉴스레터 연동" className={inputClass} />
        </LabeledControl>
        <button type="submit" disabled={pending} className={buttonClass}>
          토큰 만들기
        </button>
      </div>
      <FieldError error={error} field="name" />
      {state?.ok ? (
        <div role="status" className="rounded bg-amber-50 p-3 text-sm">
          <p className="font-semibold">지금 복사하세요. 다시 보여 주지 않습니다.</p>
          <code className="break-all" data-testid="new-token">
            {state.data.token}
          </code>
        </div>
      ) : null}
    </form>
  );
}
