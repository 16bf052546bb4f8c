"use client";

import { ConfirmActionButton } from "../../../_components/confirm-action-button";
import { revokeGrantAction } from "../../actions";

export function RevokeButton({ grantId }: { grantId: number }) {
  return <ConfirmActionButton label="회수" confirm="이 권한을 지금 회수할까요?" run={() => revokeGrantAction(grantId)} />;
}
