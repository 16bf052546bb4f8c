import { getDb } from "@/db/client";
import { listApiTokens } from "@/db/queries/studio-tokens";
import { requireStaffPage } from "@/lib/studio/guard";
import { studioTimeZone } from "@/lib/studio/time-zone";
import { DataTable } from "../_components/data-table";
import { PageTitle, formatInstant } from "../_components/ui";
import { CreateTokenForm } from "./_components/create-token-form";
import { RevokeTokenButton } from "./_components/revoke-token-button";

export default async function TokensPage() {
  const actor = await requireStaffPage("admin");
  const timeZone = studioTimeZone(actor.publicationId);
  const rows = await listApiTokens(await getDb(), actor.publicationId);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>API 토큰</PageTitle>
      <p className="text-sm text-muted">Admin API (/api/admin/v1) 호출용 토큰입니다. 비밀값은 만들 때 한 번만 보이고, 서버에는 해시만 저장됩니다.</p>
      <CreateTokenForm />
      <DataTable testId="tokens-table" columns={["이름", "앞자리", "만든 사람", "만든 시각", "마지막 사용", "상태"]}>
        {rows.map(({ token: t, createdByEmail }) => (
          <tr key={t.id} className="border-b border-rule" data-token-id={t.id}>
            <td className="p-2">
              {t.name}
              {t.publicationId === null && <span className="ml-2 rounded bg-paper px-1 text-xs text-muted">모든 발행처 (network)</span>}
            </td>
            <td className="p-2">
              <code>{t.prefix}…</code>
            </td>
            <td className="p-2">{createdByEmail ?? "CLI"}</td>
            <td className="p-2">{formatInstant(t.createdAt, timeZone)}</td>
            <td className="p-2" data-testid="last-used">
              {formatInstant(t.lastUsedAt, timeZone)}
            </td>
            <td className="p-2">
              {t.revokedAt ? (
                `폐기됨 ${formatInstant(t.revokedAt, timeZone)}`
              ) : t.publicationId === null && !actor.network ? (
                <span className="text-muted">네트워크 관리자만 폐기</span>
              ) : (
                <RevokeTokenButton id={t.id} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
