"use client";

import { useActionState } from "react";
import { ConfirmActionButton } from "../../_components/confirm-action-button";
import { FieldError, FormError, buttonClass, inputClass, LabeledControl } from "../../_components/ui";
import { suppressAction, unsuppressAction } from "../actions";

export function SuppressForm() {
  const [state, action, pending] = useActionState(suppressAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="flex flex-col gap-2 rounded border border-rule bg-white p-4" aria-label="메일 발송 중지">
      <FormError error={error} fields={["email"]} />
      <div className="flex flex-wrap items-end gap-2">
        <LabeledControl label="이메일 주소" className="min-w-[14rem] flex-1">
          <input name="email" type="email" required className={inputClass} />
        </LabeledControl>
        <LabeledControl label="메모 (선택)" className="min-w-[10rem] flex-1">
          <input name="note" maxLength={200} className={inputClass} />
        </LabeledControl>
        <button type="submit" disabled={pending} className={buttonClass}>
          발송 중지
        </button>
      </div>
      <FieldError error={error} field="email" />
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          {state.data.email} 주소로는 더 보내지 않습니다.
        </p>
      ) : null}
    </form>
  );
}

export function UnsuppressButton({ email }: { email: string }) {
  return <ConfirmActionButton label="발송 재개" confirm={`${email} 주소로 다시 메일을 보낼까요?`} run={() => unsuppressAction(email)} />;
}
