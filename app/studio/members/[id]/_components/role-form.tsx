"use client";

import { useActionState } from "react";
import { FieldError, buttonClass, inputClass } from "../../../_components/ui";
import { setRoleAction } from "../../actions";

// Admins only: the page renders this form for admins, and the action checks again.
export function RoleForm({ memberId, role }: { memberId: number; role: string }) {
  const [state, action, pending] = useActionState(setRoleAction.bind(null, memberId), null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 rounded border border-rule bg-white p-4" aria-label="역할 변경">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-semibold">역할 (role)</span>
        <select name="role" defaultValue={role} className={inputClass}>
          <option value="reader">reader</option>
          <option value="editor">editor</option>
          <option value="admin">admin</option>
        </select>
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>역할 저장</button>
      {state?.ok ? <span role="status" className="text-sm text-green-800">역할: {state.data.role}</span> : null}
      <FieldError error={error} field={["role", "input"]} />
      {error && error.field !== "role" ? <span role="alert" className="text-sm text-accent">{error.message}</span> : null}
    </form>
  );
}
