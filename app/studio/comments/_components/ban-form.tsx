"use client";

import { useId, useState, useTransition } from "react";
import type { ActionError } from "@/lib/studio/action-result";
import { buttonClass, FieldError, FormError, formatInstant, ghostButtonClass, inputClass } from "../../_components/ui";
import { banMemberAction, liftBanAction } from "../actions";
import { useStudioTimeZone } from "../../_components/studio-clock";
import { InstantField } from "../../pieces/_components/instant-field";

type Props = { memberId: number; memberLabel: string; activeBan: { until: string | null; reason: string } | null };

// Ban a commenter until an instant (entered on the publication's clock, sent as an ISO instant)
// or indefinitely, with a reason the member will see; or lift the ban in force.
export function BanForm({ memberId, memberLabel, activeBan }: Props) {
  const timeZone = useStudioTimeZone();
  const id = useId();
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = (form: FormData) => {
    const chosen = String(form.get("until") ?? "");
    const indefinite = form.get("indefinite") === "on";
    if (!indefinite && !chosen) return setError({ code: "invalid:until", field: "until", message: "종료 시각을 정하거나 무기한을 고르세요." });
    const until = indefinite ? null : chosen;
    start(async () => {
      const res = await banMemberAction({ memberId, until, reason: String(form.get("reason") ?? "") });
      setError(res.ok ? null : res.error);
      setDone(res.ok ? "댓글 금지를 적용했습니다." : null);
    });
  };
  const lift = () =>
    start(async () => {
      const res = await liftBanAction(memberId);
      setDone(res.ok ? "댓글 금지를 해제했습니다." : null);
      setError(res.ok ? null : res.error);
    });

  return (
    <details className="rounded border border-rule bg-paper p-3 text-sm" data-testid="ban-panel">
      <summary className="cursor-pointer font-semibold">{activeBan ? "댓글 금지 중 · 관리" : `${memberLabel} 댓글 금지`}</summary>
      {activeBan ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <span>
            {activeBan.until ? `${formatInstant(activeBan.until, timeZone)}까지` : "무기한"} — {activeBan.reason}
          </span>
          <button type="button" className={ghostButtonClass} disabled={pending} onClick={lift}>
            금지 해제
          </button>
        </div>
      ) : null}
      <form action={submit} className="mt-3 grid gap-2 sm:grid-cols-[auto_1fr]">
        <label htmlFor={`${id}-until`} className="font-semibold">
          종료 시각
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <InstantField id={`${id}-until`} name="until" value={null} />
          <label className="flex items-center gap-1">
            <input type="checkbox" name="indefinite" /> 무기한
          </label>
          <FieldError error={error} field="until" />
        </div>
        <label htmlFor={`${id}-reason`} className="font-semibold">
          사유 (회원에게 보임)
        </label>
        <div>
          <textarea id={`${id}-reason`} name="reason" required maxLength={500} rows={2} className={inputClass} />
          <FieldError error={error} field="reason" />
        </div>
        <div className="sm:col-start-2 flex items-center gap-3">
          <button type="submit" className={buttonClass} disabled={pending}>
            댓글 금지
          </button>
          {done ? <span role="status">{done}</span> : null}
        </div>
        <FormError error={error} fields={["until", "reason"]} />
      </form>
    </details>
  );
}
