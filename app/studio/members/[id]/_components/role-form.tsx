"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/studio/action-result";
import { FieldError, InlineAlert, LabeledControl, OptionList, buttonClass, inputClass, type SelectOption } from "../../../_components/ui";
import { setRoleAction, setStaffRoleAction } from "../../actions";

type RoleAction = (memberId: number, prev: ActionResult<{ role: string }> | null, fd: FormData) => Promise<ActionResult<{ role: string }>>;

const staffRoles = [
  { value: "none", label: "없음 (reader)" },
  { value: "editor", label: "editor" },
  { value: "admin", label: "admin" },
];
const networkRoles = [
  { value: "reader", label: "reader" },
  { value: "editor", label: "editor" },
  { value: "admin", label: "admin" },
];

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
  return (
    <div className="flex flex-col gap-3">
      <RoleSelectForm
        memberId={memberId}
        run={setStaffRoleAction}
        formLabel="발행처 역할 변경"
        label={`${publicationName}의 역할`}
        roles={staffRoles}
        current={staffRole ?? "none"}
        submit="역할 저장"
      />
      {canSetNetwork ? (
        <RoleSelectForm
          memberId={memberId}
          run={setRoleAction}
          formLabel="네트워크 역할 변경"
          label="네트워크 역할 (모든 발행처)"
          roles={networkRoles}
          current={networkRole}
          submit="네트워크 역할 저장"
        />
      ) : null}
    </div>
  );
}

// One role, one select: the saved role is announced; an error about anything but the role itself
// is also shown beside the button.
function RoleSelectForm(props: {
  memberId: number;
  run: RoleAction;
  formLabel: string;
  label: string;
  roles: SelectOption[];
  current: string;
  submit: string;
}) {
  const [state, action, pending] = useActionState(props.run.bind(null, props.memberId), null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 rounded border border-rule bg-white p-4" aria-label={props.formLabel}>
      <LabeledControl label={props.label}>
        <select name="role" defaultValue={props.current} className={inputClass}>
          <OptionList options={props.roles} />
        </select>
      </LabeledControl>
      <button type="submit" disabled={pending} className={buttonClass}>
        {props.submit}
      </button>
      {state?.ok ? (
        <span role="status" className="text-sm text-green-800">
          역할: {state.data.role}
        </span>
      ) : null}
      <FieldError error={error} field={["role", "input"]} />
      <InlineAlert message={error && error.field !== "role" ? error.message : null} />
    </form>
  );
}
