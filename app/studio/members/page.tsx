import Link from "next/link";
import { getDb } from "@/db/client";
import { listGrantsForMembers, searchMembers } from "@/db/queries/studio-members";
import { resolvePublicationAccess } from "@/lib/access";
import { loadNetworkTiers, toGrantLike } from "@/lib/auth/member-access";
import { requireStaffPage } from "@/lib/studio/guard";
import { PageTitle, formatInstant, ghostButtonClass, inputClass } from "../_components/ui";

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireStaffPage("editor");
  const q = ((await searchParams).q ?? "").trim().slice(0, 200);
  const db = await getDb();
  // Members are one identity across the install; their tier here counts bundles too.
  const [rows, tiers] = await Promise.all([searchMembers(db, q), loadNetworkTiers(db)]);
  const grants = await listGrantsForMembers(db, rows.map((m) => m.id));
  const now = new Date();
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>회원</PageTitle>
      <form method="get" className="flex gap-2" role="search">
        <label htmlFor="q" className="sr-only">이메일 또는 이름</label>
        <input id="q" name="q" defaultValue={q} placeholder="이메일 또는 이름" className={inputClass} />
        <button className={`${ghostButtonClass} shrink-0 whitespace-nowrap`}>검색</button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full bg-white text-sm" data-testid="members-table">
          <thead>
            <tr className="border-b border-rule text-left">
              <th className="p-2">이메일</th>
              <th className="p-2">역할</th>
              <th className="p-2">현재 등급</th>
              <th className="p-2">가입</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => {
              const access = resolvePublicationAccess({ grants: grants.filter((g) => g.memberId === m.id).map(toGrantLike), tiers: tiers.network, publicationId: actor.publicationId, now, signedIn: true });
              return (
                <tr key={m.id} className="border-b border-rule">
                  <td className="p-2">
                    <Link href={`/studio/members/${m.id}`} className="font-semibold hover:underline">{m.email}</Link>
                    {m.name ? <span className="ml-2 text-muted">{m.name}</span> : null}
                  </td>
                  <td className="p-2">{m.role}</td>
                  <td className="p-2">
                    {access.tier.slug}
                    {access.until ? <span className="text-xs text-muted"> · {formatInstant(access.until)}까지</span> : null}
                  </td>
                  <td className="p-2">{formatInstant(m.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="text-muted">회원이 없습니다.</p> : null}
    </div>
  );
}
