import Link from "next/link";
import { getDb } from "@/db/client";
import { countMembersFiltered, listGrantsForMembers, listMembersFiltered } from "@/db/queries/studio-members";
import { isPaidTier, resolvePublicationAccess } from "@/lib/access";
import { loadNetworkTiers, toGrantLike } from "@/lib/auth/member-access";
import { dict } from "@/lib/i18n";
import { publicationById } from "@/lib/publications/table";
import { requireStaffPage } from "@/lib/studio/guard";
import { loadMemberTiers, memberFilterOf } from "@/lib/studio/member-list";
import { DEFAULT_TIME_ZONE, formatDateTime } from "@/lib/time/format";
import { DataTable } from "../_components/data-table";
import { PageTitle, ghostButtonClass, inputClass } from "../_components/ui";
import { AddMemberForm } from "./_components/add-member-form";
import { TierCounts } from "./_components/tier-counts";

const t = dict("ko").studioMembers;

export default async function MembersPage({ searchParams }: { searchParams: Promise<{ q?: string; tier?: string }> }) {
  const actor = await requireStaffPage("editor");
  const params = await searchParams;
  const q = (params.q ?? "").trim().slice(0, 200);
  const tier = (params.tier ?? "").slice(0, 64);
  const timeZone = publicationById(actor.publicationId)?.timeZone ?? DEFAULT_TIME_ZONE;
  const db = await getDb();
  const now = new Date();
  // Members are one identity across the install; their tier here counts bundles too.
  const view = await loadMemberTiers(db, actor.publicationId, now);
  const filter = memberFilterOf(view, q, tier);
  const [rows, total, tiers] = await Promise.all([listMembersFiltered(db, filter), countMembersFiltered(db, filter), loadNetworkTiers(db)]);
  const grants = await listGrantsForMembers(
    db,
    rows.map((m) => m.id),
  );
  const exportQuery = new URLSearchParams({ ...(q ? { q } : {}), ...(tier ? { tier } : {}) }).toString();
  const paidTiers = view.tiers.filter(isPaidTier).map((x) => ({ value: x.slug, label: `${x.name} (${x.slug})` }));
  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        actions={
          actor.role === "admin" ? (
            <a href={`/studio/members/export${exportQuery ? `?${exportQuery}` : ""}`} className={ghostButtonClass} download>
              {t.export}
            </a>
          ) : null
        }
      >
        {t.title}
      </PageTitle>
      <TierCounts counts={view.counts} active={tier} q={q} />
      <form method="get" className="flex flex-wrap gap-2" role="search">
        <label htmlFor="q" className="sr-only">
          {t.searchLabel}
        </label>
        <input id="q" name="q" defaultValue={q} placeholder={t.searchLabel} className={`${inputClass} min-w-48 flex-1`} />
        <label htmlFor="tier" className="sr-only">
          {t.tierFilter}
        </label>
        <select id="tier" name="tier" defaultValue={tier} className={`${inputClass} w-auto`}>
          <option value="">{t.allTiers}</option>
          {view.tiers.map((x) => (
            <option key={x.slug} value={x.slug}>
              {x.name} ({x.slug})
            </option>
          ))}
        </select>
        <button className={`${ghostButtonClass} shrink-0 whitespace-nowrap`}>{t.search}</button>
      </form>
      <p className="text-sm text-muted" data-testid="members-shown">
        {t.shown(rows.length, total)}
      </p>
      <DataTable
        testId="members-table"
        columns={[t.columns.email, ...[t.columns.role, t.columns.tier, t.columns.joined].map((label) => ({ label, className: "whitespace-nowrap" }))]}
      >
        {rows.map((m) => {
          const access = resolvePublicationAccess({
            grants: grants.filter((g) => g.memberId === m.id).map(toGrantLike),
            tiers: tiers.network,
            publicationId: actor.publicationId,
            now,
            signedIn: true,
          });
          return (
            <tr key={m.id} className="border-b border-rule" data-tier={access.tier.slug}>
              <td className="p-2">
                <Link href={`/studio/members/${m.id}`} className="font-semibold hover:underline">
                  {m.email}
                </Link>
                {m.name ? <span className="ml-2 text-muted">{m.name}</span> : null}
              </td>
              <td className="p-2">{m.role}</td>
              <td className="p-2">
                {access.tier.slug}
                {access.until ? <span className="text-xs text-muted"> · {t.until(formatDateTime(access.until, { timeZone, zone: true }))}</span> : null}
              </td>
              <td className="p-2 whitespace-nowrap">{formatDateTime(m.createdAt, { timeZone })}</td>
            </tr>
          );
        })}
      </DataTable>
      {rows.length === 0 ? <p className="text-muted">{t.empty}</p> : null}
      <AddMemberForm tiers={paidTiers} />
    </div>
  );
}
