"use client";

import { ConfirmActionButton } from "../../_components/confirm-action-button";
import { revokeTokenAction } from "../actions";

export function RevokeTokenButton({ id }: { id: number }) {
  return <ConfirmActionButton label="폐기" confirm="이 토큰을 폐기할까요? 이 토큰을 쓰는 연동이 멈춥니다." run={() => revokeTokenAction(id)} />;
}
