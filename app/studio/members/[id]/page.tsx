import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listAudit } from "@/db/queries/studio-audit";
import { listMemberEmails, listSubscriptionsOfMember } from "@/db/queries/studio-members";
import { grantsCountingIn, isPaidTier } from "@/lib/access";
import { loadMemberAccess, toGrantLike } from "@/lib/auth/member-access";
import { publicationById } from "@/lib/publications/table";
import { requireStaffPage } from "@/lib/studio/guard";
import { AuditList } from "../../_components/audit-list";
import { PageTitle } from "../../_components/ui";
import { AccessExplainer } from "./_components/access-explainer";
import { GrantForm } from "./_components/grant-form";
import { GrantsTable } from "./_components/grants-table";
import { RoleForm } from "./_components/role-form";
import { Instant } from "../../_components/studio-clock";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ piece?: string }> };

export default async function MemberPage({ params, searchParams }: Props) {
  const actor = await requireStaffPage("editor");
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = await getDb();
  const now = new Date();
  const loaded = await loadMemberAccess(db, Number(id), actor.publicationId, now);
  if (!loaded) notFound();
  const { member, tiers, access, staffRole } = loaded;
  // This publication's grants; access through a bundle shows as the effective tier.
  const grants = loaded.grants.filter((g) => g.publicationId === actor.publicationId);
  const counting = grantsCountingIn(loaded.grants.map(toGrantLike), loaded.networkTiers, actor.publicationId);
  const pub = publicationById(actor.publicationId);
  const [subs, audit, grantors] = await Promise.all([
    listSubscriptionsOfMember(db, member.id).then((all) => all.filter((s) => s.publicationId === actor.publicationId)),
    listAudit(db, { memberId: member.id, publicationId: actor.publicationId }, 30),
    listMemberEmails(
      db,
      grants.map((g) => g.grantedBy).filter((x): x is number => x !== null),
    ),
  ]);
  const paid = tiers.filter(isPaidTier).map((t) => ({ value: t.slug, label: `${t.name} (${t.slug})` }));
  return (
    <div className="flex flex-col gap-8">
      <PageTitle>{member.email}</PageTitle>
      <section aria-labelledby="access-heading" className="grid gap-2 rounded border border-rule bg-white p-4 text-sm md:grid-cols-4">
        <h2 id="access-heading" className="sr-only">
          현재 접근
        </h2>
        <p>
          역할: <strong data-testid="member-role">{staffRole ?? "reader"}</strong>
          {member.role !== "reader" ? <span className="text-muted"> (네트워크: {member.role})</span> : null}
        </p>
        <p>
          현재 등급: <strong data-testid="effective-tier">{access.tier.slug}</strong>
        </p>
        <p>
          바뀌는 시각: <Instant at={access.until} />
        </p>
        <p>
          가입: <Instant at={member.createdAt} />
        </p>
        {subs.map((s) => (
          <p key={s.id} className="md:col-span-4 text-muted">
            Stripe 구독 {s.id}: {s.status ?? "?"} · {s.tierSlug ?? "?"} · 기간 끝 <Instant at={s.currentPeriodEnd} />
            {s.cancelAtPeriodEnd ? " · 기간 끝에 해지" : ""}
          </p>
        ))}
        {subs.length === 0 ? <p className="md:col-span-4 text-muted">Stripe 구독 없음</p> : null}
        <p className="md:col-span-4">
          <Link href={`/studio/billing/${member.id}`} className="underline">
            결제 이벤트 보기
          </Link>
        </p>
      </section>
      <GrantsTable grants={grants} grantors={Object.fromEntries(grantors)} now={now} isAdmin={actor.role === "admin"} />
      <GrantForm memberId={member.id} tiers={paid} />
      {actor.role === "admin" ? (
        <RoleForm
          memberId={member.id}
          staffRole={loaded.staff.find((s) => s.publicationId === actor.publicationId)?.role ?? null}
          networkRole={member.role}
          publicationName={pub?.name ?? ""}
          canSetNetwork={actor.network}
        />
      ) : null}
      <AccessExplainer
        memberId={member.id}
        publicationId={actor.publicationId}
        grants={counting}
        tiers={tiers}
        slug={(await searchParams).piece}
        now={now}
        timeZone={pub?.timeZone}
      />
      <section aria-labelledby="member-audit">
        <h2 id="member-audit" className="mb-2 text-lg font-bold">
          변경 기록
        </h2>
        <AuditList entries={audit} />
      </section>
    </div>
  );
}
