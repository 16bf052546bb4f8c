"use client";

import { useActionState } from "react";
import { FieldError, FormError, buttonClass, inputClass, LabeledControl } from "../../_components/ui";
import { createPublicationAction } from "../actions";

const FIELDS = ["slug", "name", "nameEn", "hosts", "locale"];

export function CreatePublicationForm() {
  const [state, action, pending] = useActionState(createPublicationAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="grid gap-3 rounded border border-rule bg-white p-4 sm:grid-cols-2" aria-label="발행처 만들기">
      <div className="sm:col-span-2">
        <FormError error={error} fields={FIELDS} />
      </div>
      <LabeledControl label="슬러그 (slug)">
        <input name="slug" required maxLength={40} pattern="[a-z][a-z0-9\-]{0,39}" placeholder="예: data" className={inputClass} />
        <FieldError error={error} field="slug" />
      </LabeledControl>
      <LabeledControl label="호스트 이름 (쉼표로 여러 개)">
        <input name="hosts" required placeholder="예: data.example.com" className={inputClass} />
        <FieldError error={error} field="hosts" />
      </LabeledControl>
      <LabeledControl label="이름">
        <input name="name" required maxLength={100} className={inputClass} />
        <FieldError error={error} field="name" />
      </LabeledControl>
      <LabeledControl label="영문 이름 (선택)">
        <input name="nameEn" maxLength={100} className={inputClass} />
      </LabeledControl>
      <LabeledControl label="기본 언어">
        <select name="locale" defaultValue="ko" className={inputClass}>
          <option value="ko">한국어 (ko)</option>
          <option value="en">English (en)</option>
        </select>
      </LabeledControl>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>
          발행처 만들기
        </button>
      </div>
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800 sm:col-span-2">
          {state.data.slug} 발행처를 만들었습니다. 등급 free·premium이 함께 만들어졌습니다.
        </p>
      ) : null}
    </form>
  );
}
