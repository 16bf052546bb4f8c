"use client";

import { useRouter } from "next/navigation";
import { ConfirmActionButton } from "../../_components/confirm-action-button";
import { deletePieceAction } from "../actions";

export function DeletePieceButton({ id }: { id: number }) {
  const router = useRouter();
  return (
    <ConfirmActionButton
      label="삭제"
      confirm="이 기사를 삭제할까요? 되돌릴 수 없습니다."
      run={() => deletePieceAction(id)}
      onSuccess={() => router.push("/studio/pieces")}
    />
  );
}
