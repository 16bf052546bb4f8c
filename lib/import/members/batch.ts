import type { Db } from "@/db/client";
import {
  fillMemberFields,
  insertAuditRows,
  insertImportAccounts,
  insertImportGrants,
  insertMissingMembers,
  listAccountHolders,
  listGrantsInPublication,
  listMembersByEmail,
  listStripeOwners,
  updateImportGrant,
  type ImportMemberRow,
  type NewAuditRow,
  type NewImportGrant,
} from "@/db/queries/member-import";
import { bumpAccessEpochs } from "@/db/queries/members";
import { noteEpoch } from "@/lib/auth/epochs";
import type { Actor } from "@/lib/studio/audit";
import { planCandidate, type Decision, type ExistingMember, type PlanContext } from "./planner";
import type { Candidate } from "./screen";

// One batch of candidates against the database: read (dry run) or read-and-write in one
// transaction (real run). Both plan with planCandidate over the state they read, so they agree.

export type BatchContext = Omit<PlanContext, "stripeOwner"> & { publicationId: number; actor: Actor; formatLabel: string };

type Tx = Parameters<typeof listMembersByEmail>[0];

async function loadState(db: Tx, ctx: BatchContext, batch: readonly Candidate[], lock: boolean) {
  const emails = [...new Set(batch.map((c) => c.entry.email))];
  const rows = await listMembersByEmail(db, emails, { lock });
  return stateOf(db, ctx, batch, rows);
}

async function stateOf(db: Tx, ctx: BatchContext, batch: readonly Candidate[], rows: readonly ImportMemberRow[], isNew: ReadonlySet<number> = new Set()) {
  const ids = rows.map((r) => r.id);
  const stripeIds = [...new Set(batch.flatMap((c) => (c.stripeCustomerId ? [c.stripeCustomerId] : [])))];
  const [grants, holders, owners] = await Promise.all([
    listGrantsInPublication(db, ctx.publicationId, ids),
    listAccountHolders(db, ctx.publicationId, ids),
    listStripeOwners(db, stripeIds),
  ]);
  const byEmail = new Map<string, ExistingMember & { email: string }>();
  for (const r of rows) byEmail.set(r.email, { ...r, hasAccount: holders.has(r.id), isNew: isNew.has(r.id), grants: [] });
  const byId = new Map([...byEmail.values()].map((m) => [m.id, m]));
  for (const g of grants) byId.get(g.memberId)?.grants.push(g);
  return { byEmail, owners };
}

function plan(batch: readonly Candidate[], ctx: BatchContext, state: Awaited<ReturnType<typeof stateOf>>): Decision[] {
  const planCtx: PlanContext = { ...ctx, stripeOwner: (id) => state.owners.get(id) ?? null };
  return batch.map((c) => planCandidate(c, state.byEmail.get(c.entry.email) ?? null, planCtx));
}

/** The dry run of a batch: what it would do, nothing written. */
export async function planBatch(db: Db, ctx: BatchContext, batch: readonly Candidate[]): Promise<Decision[]> {
  return plan(batch, ctx, await loadState(db, ctx, batch, false));
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "평생 (lifetime)");

function grantNote(d: Decision, ctx: BatchContext): string {
  const { entry } = d.candidate;
  const parts = [`${ctx.formatLabel} 가져오기, ${entry.line}행`, entry.level ? `“${entry.level}”` : null, entry.note];
  if (d.grant?.kind === "create" && d.grant.history) parts.push("가져오기 전에 끝남 (expired before the import)");
  return parts.filter(Boolean).join(" · ").slice(0, 2000);
}

function auditRow(d: Decision, memberId: number, email: string, ctx: BatchContext): NewAuditRow | null {
  const g = d.grant;
  const grantChanged = g?.kind === "create" || g?.kind === "update";
  if (d.member !== "create" && d.member !== "update" && !grantChanged) return null;
  const { entry } = d.candidate;
  const what = [
    d.member === "create" ? "회원 생성" : d.member === "update" ? "회원 정보 채움" : null,
    g?.kind === "create" ? `${g.values.tierSlug} ${day(g.values.startsAt)} → ${day(g.values.endsAt)}${g.history ? " (끝난 이력)" : ""}` : null,
    g?.kind === "update" ? `${g.before.tierSlug} ~${day(g.before.endsAt)} → ${g.values.tierSlug} ~${day(g.values.endsAt)}` : null,
  ].filter(Boolean);
  return {
    publicationId: ctx.publicationId,
    actorMemberId: ctx.actor.memberId,
    actorLabel: ctx.actor.label,
    action: "member.import",
    subjectType: "member",
    subjectId: String(memberId),
    memberId,
    summary: `${email}: ${ctx.formatLabel} 가져오기 (${entry.line}행): ${what.join(" · ")}`,
    details: { line: entry.line, level: entry.level, note: entry.note, grant: g?.kind ?? null, fill: Object.keys(d.fill) },
  };
}

/**
 * The real run of a batch, in one transaction: members locked (or made), decisions taken over that
 * state, then every write. A member a concurrent sign-up created between the read and the insert
 * is read again and the batch re-planned, so nobody is made twice or left half-imported.
 */
export async function applyBatch(db: Db, ctx: BatchContext, batch: readonly Candidate[]): Promise<Decision[]> {
  const { decisions, epochs } = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    let state = await loadState(tx, ctx, batch, true);
    let decisions = plan(batch, ctx, state);
    const ids = new Map([...state.byEmail.values()].map((m) => [m.email, m.id]));
    const madeIds = new Set<number>();
    for (let attempt = 0; ; attempt++) {
      const toCreate = decisions.filter((d) => d.member === "create" && !ids.has(d.candidate.entry.email));
      const made = await insertMissingMembers(
        tx,
        // A join date in the future (a clock gone wrong at the source) becomes now.
        toCreate.map(({ candidate: { entry }, fill }) => ({
          email: entry.email,
          name: fill.name ?? null,
          stripeCustomerId: fill.stripeCustomerId ?? null,
          createdAt: entry.createdAt && entry.createdAt <= ctx.now ? entry.createdAt : null,
        })),
      );
      for (const m of made) {
        ids.set(m.email, m.id);
        madeIds.add(m.id);
      }
      if (made.length === toCreate.length) break;
      if (attempt >= 2) throw new Error("members kept appearing concurrently during the import");
      const rows = await listMembersByEmail(tx, [...new Set(batch.map((c) => c.entry.email))], { lock: true });
      state = await stateOf(tx, ctx, batch, rows, madeIds);
      for (const r of rows) ids.set(r.email, r.id);
      decisions = plan(batch, ctx, state);
    }
    const now = ctx.now;
    const grants: NewImportGrant[] = [];
    const accounts: { memberId: number; newsletter: boolean }[] = [];
    const audit: NewAuditRow[] = [];
    const bump = new Set<number>();
    for (const d of decisions) {
      const email = d.candidate.entry.email;
      const memberId = ids.get(email);
      if (memberId === undefined) continue;
      if (d.member === "update") await fillMemberFields(tx, memberId, d.fill);
      if (d.account) accounts.push({ memberId, newsletter: d.account.newsletter });
      const g = d.grant;
      if (g?.kind === "create")
        grants.push({
          memberId,
          publicationId: ctx.publicationId,
          ...g.values,
          sourceRef: d.candidate.sourceRef!,
          note: grantNote(d, ctx),
          grantedBy: ctx.actor.memberId,
        });
      if (g?.kind === "update") await updateImportGrant(tx, g.id, { ...g.values, note: grantNote(d, ctx) });
      if (d.bumpEpoch) bump.add(memberId);
      const row = auditRow(d, memberId, email, ctx);
      if (row) audit.push(row);
    }
    await insertImportGrants(tx, grants);
    await insertImportAccounts(tx, ctx.publicationId, accounts, now);
    await insertAuditRows(tx, audit);
    // Ascending ids: the lock order every epoch bump uses.
    const epochs = await bumpAccessEpochs(
      tx,
      [...bump].sort((a, b) => a - b),
    );
    return { decisions, epochs };
  });
  for (const e of epochs) noteEpoch(e.id, e.epoch);
  return decisions;
}
