"use client";

import { ConfirmActionButton } from "../../../_components/confirm-action-button";
import { notifyImportedMembersAction } from "../actions";

export function NotifyImportedButton({ accounts }: { accounts: number }) {
  return (
    <ConfirmActionButton
      label={`가져온 회원 ${accounts.toLocaleString("ko-KR")}명에게 안내 메일 보내기`}
      confirm="가져온 회원 모두에게 “계정이 새 사이트로 옮겨졌습니다” 메일을 한 번씩 보낼까요? 이미 받은 회원에게는 다시 보내지 않습니다."
      run={notifyImportedMembersAction}
    />
  );
}
