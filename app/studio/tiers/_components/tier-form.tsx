"use client";

import { useActionState, useState, useTransition } from "react";
import type { Tier } from "@/db/schema";
import { isPaidTier } from "@/lib/access/tiers";
import { Field, FieldError, FormError, InlineAlert, buttonClass, ghostButtonClass, inputClass } from "../../_components/ui";
import { createStripePricesAction, saveTierAction } from "../actions";

const FIELDS = [
  "slug",
  "name",
  "nameEn",
  "rank",
  "benefits",
  "benefitsEn",
  "monthlyAmount",
  "yearlyAmount",
  "currency",
  "stripeMonthlyPriceId",
  "stripeYearlyPriceId",
];

export function TierForm({ tier, stripe }: { tier: Tier | null; stripe: boolean }) {
  const [state, action, pending] = useActionState(saveTierAction.bind(null, tier?.id ?? null), null);
  const [stripeError, setStripeError] = useState<string | null>(null);
  const [creating, startCreating] = useTransition();
  const error = state && !state.ok ? state.error : null;
  const id = (k: string) => `${tier?.slug ?? "new"}-${k}`;
  const input = (k: keyof Tier | "slug", label: string, value: string | number | null | undefined, type = "text") => (
    <Field label={label} htmlFor={id(k)}>
      <input id={id(k)} name={k} type={type} defaultValue={value ?? ""} className={inputClass} />
      <FieldError error={error} field={k} />
    </Field>
  );
  return (
    <form action={action} aria-label={tier ? `등급 ${tier.slug}` : "새 등급"} className="grid gap-3 rounded border border-rule bg-white p-4 md:grid-cols-4">
      <h2 className="text-lg font-bold md:col-span-4">{tier ? `${tier.name} (${tier.slug})` : "새 등급 만들기"}</h2>
      <div className="md:col-span-4">
        <FormError error={error} fields={FIELDS} />
      </div>
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800 md:col-span-4">
          저장했습니다.
        </p>
      ) : null}
      {tier ? null : input("slug", "슬러그", "")}
      {input("name", "이름", tier?.name)}
      {input("nameEn", "영문 이름", tier?.nameEn)}
      {input("rank", "순위 (rank)", tier?.rank ?? "", "number")}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="canComment" defaultChecked={tier?.canComment ?? false} /> 댓글 권한
      </label>
      <Field label="혜택 (한 줄에 하나)" htmlFor={id("benefits")}>
        <textarea id={id("benefits")} name="benefits" rows={3} defaultValue={tier?.benefits.join("\n")} className={inputClass} />
      </Field>
      <Field label="Benefits (English)" htmlFor={id("benefitsEn")}>
        <textarea id={id("benefitsEn")} name="benefitsEn" rows={3} defaultValue={tier?.benefitsEn.join("\n")} className={inputClass} />
      </Field>
      {input("monthlyAmount", "월간 금액", tier?.monthlyAmount, "number")}
      {input("yearlyAmount", "연간 금액", tier?.yearlyAmount, "number")}
      {input("currency", "통화", tier?.currency ?? "krw")}
      {input("stripeMonthlyPriceId", "Stripe 월간 price ID", tier?.stripeMonthlyPriceId)}
      {input("stripeYearlyPriceId", "Stripe 연간 price ID", tier?.stripeYearlyPriceId)}
      <div className="flex items-center gap-2 md:col-span-4">
        <button type="submit" disabled={pending} className={buttonClass}>
          {tier ? "저장" : "등급 만들기"}
        </button>
        {tier && isPaidTier(tier) && stripe ? (
          <button
            type="button"
            disabled={creating}
            className={ghostButtonClass}
            onClick={() =>
              startCreating(async () => {
                const res = await createStripePricesAction(tier.id);
                setStripeError(res.ok ? null : res.error.message);
              })
            }
          >
            Stripe에 가격 만들기
          </button>
        ) : null}
        <InlineAlert message={stripeError} />
      </div>
    </form>
  );
}
