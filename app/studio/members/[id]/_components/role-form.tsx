"use client";

import { useActionState } from "react";
import { FieldError, buttonClass, inputClass } from "../../../_components/ui";
import { setRoleAction, setStaffRoleAction } from "../../actions";

// Admins of this publication set the member's role in it; network admins also the network role
// (every publication). The page renders what the viewer may use, and each action checks again.
export function RoleForm({
  memberId,
  staffRole,
  networkRole,
  publicationName,
  canSetNetwork,
}: {
  memberId: number;
  staffRole: string | null;
  networkRole: string;
  publicationName: string;
  canSetNetwork: boolean;
}) {
  const [staffState, staffAction, staffPending] = useActionState(setStaffRoleAction.bind(null, memberId), null);
  const [netState, netAction, netPending] = useActionState(setRoleAction.bind(null, memberId), null);
  const staffError = staffState && !staffState.ok ? staffState.error : null;
  const netError = netState && !netState.ok ? netState.error : null;
  return (
    <div className="flex flex-col gap-3">
      <form action={staffAction} className="flex flex-wrap items-end gap-3 rounded border border-rule bg-white p-4" aria-label="발행처 역할 변경">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-semibold">{publicationName}의 역할</span>
          <select name="role" defaultValue={staffRole ?? "none"} className={inputClass}>
            <option value="none">없음 (reader)</option>
            <option value="editor">editor</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <button type="submit" disabled={staffPending} className={buttonClass}>
          역할 저장
        </button>
        {staffState?.ok ? (
          <span role="status" className="text-sm text-green-800">
            역할: {staffState.data.role}
          </span>
        ) : null}
        <FieldError error={staffError} field={["role", "input"]} />
        {staffError && staffError.field !== "role" ? (
          <span role="alert" className="text-sm text-accent">
            {staffError.message}
          </span>
        ) : null}
      </form>
      {canSetNetwork ? (
        <form action={netAction} className="flex flex-wrap items-end gap-3 rounded border border-rule bg-white p-4" aria-label="네트워크 역할 변경">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-semibold">네트워크 역할 (모든 발행처)</span>
            <select name="role" defaultValue={networkRole} className={inputClass}>
              <option value="reader">reader</option>
              <option value="editor">editor</option>
              <option value="admin">admin</option>
            </select>
          </label>
          <button type="submit" disabled={netPending} className={buttonClass}>
            네트워크 역할 저장
          </button>
          {netState?.ok ? (
            <span role="status" className="text-sm text-green-800">
              역할: {netState.data.role}
            </span>
          ) : null}
          <FieldError error={netError} field={["role", "input"]} />
          {netError && netError.field !== "role" ? (
            <span role="alert" className="text-sm text-accent">
              {netError.message}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
