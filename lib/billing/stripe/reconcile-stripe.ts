import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import {
  attachStripeCustomer,
  getSubscription,
  linkSubscriptionMember,
  listBillingTiers,
  listSubscriptionRefunds,
  lockSubscription,
} from "@/db/queries/billing";
import { listLiveStripeGrants } from "@/db/queries/billing-reads";
import { ensureMember, getGrantBySource, getMemberByEmail, getMemberById, getMemberByStripeCustomer } from "@/db/queries/members";
import { parseMemberRef, toSubscriptionSnapshot } from "../ledger/facts";
import { planStripeGrant } from "../ledger/grant-plan";
import { LINK_RANK } from "../ledger/link-rule";
import { isTerminalStatus } from "../ledger/ordering";
import { subscriptionSchema, type SubscriptionPayload } from "./payloads";
import { accessAhead, sameAccessAhead, type AccessAhead } from "../ledger/reconcile-diff";
import { applyStripeEvent } from "./webhook";

// Compares every subscription Stripe lists with the grants here and, with `fix`, applies Stripe's
// current snapshot through the webhook's own code path (ledger row, ordering rule, member
// linking, grant derivation, epoch bumps) as a synthetic `customer.subscription.*` event.

export type FindingKind = "differs" | "missing" | "unlinked" | "unmapped" | "unreadable" | "orphan";

export type ReconcileFinding = {
  kind: FindingKind;
  subscriptionId: string;
  memberId: number | null;
  grantId: number | null;
  here: AccessAhead;
  stripe: AccessAhead;
  detail: string;
  fixed: boolean;
};

export type ReconcileReport = { checked: number; agree: number; findings: ReconcileFinding[] };

export type ReconcileOptions = { fix: boolean; now: Date; pastDueGraceMs: number; onFixed?: (f: ReconcileFinding) => Promise<void> };

type Remote = { raw: Record<string, unknown>; sub: SubscriptionPayload; email: string | null };

function customerEmail(raw: Record<string, unknown>): string | null {
  const c = raw.customer;
  if (typeof c !== "object" || c === null || !("email" in c)) return null;
  return typeof c.email === "string" && c.email.includes("@") ? c.email : null;
}

// The member the subscription belongs to, by the webhook's claims (metadata, customer, stored
// link, then the customer's email — looked up, never created, while only comparing).
async function expectedMember(db: Db, r: Remote, linked: number | null): Promise<{ id: number | null; byEmail: boolean }> {
  const explicit = parseMemberRef(r.sub.metadata.memberId);
  if (explicit !== null && (await getMemberById(db, explicit))) return { id: explicit, byEmail: false };
  const byCustomer = await getMemberByStripeCustomer(db, r.sub.customer);
  if (byCustomer) return { id: byCustomer.id, byEmail: false };
  if (linked !== null) return { id: linked, byEmail: false };
  const byEmail = r.email ? await getMemberByEmail(db, r.email) : null;
  return { id: byEmail?.id ?? null, byEmail: r.email !== null };
}

async function compare(db: Db, r: Remote, opts: ReconcileOptions) {
  const row = await getSubscription(db, r.sub.id);
  const existing = await getGrantBySource(db, "stripe", r.sub.id);
  const member = await expectedMember(db, r, row?.memberId ?? null);
  const refunds = (await listSubscriptionRefunds(db, r.sub.id)).flatMap((x) =>
    x.refundedAt ? [{ refundedAt: x.refundedAt, invoicePeriodEnd: x.invoicePeriodEnd }] : [],
  );
  const plan = planStripeGrant({
    snapshot: toSubscriptionSnapshot(r.sub),
    snapshotAt: opts.now,
    tiers: await listBillingTiers(db),
    pastDueGraceMs: opts.pastDueGraceMs,
    refunds,
    existing,
  });
  const stripe = accessAhead(plan.grant ? { ...plan.grant, memberId: member.id } : null, opts.now);
  const here = accessAhead(existing, opts.now);
  const reason = plan.mapping.kind === "none" ? plan.mapping.reason : null;
  // A live subscription whose price maps to no tier grants nothing here, and that is a
  // disagreement too — fixable only by mapping the price (studio tiers), not by reconciling.
  const unmapped = plan.mapping.kind === "none" && plan.mapping.code === "unknown_price" && !isTerminalStatus(r.sub.status) && r.sub.status !== "incomplete";
  return { existing, member, stripe, here, reason, unmapped };
}

async function linkByEmail(db: Db, r: Remote): Promise<void> {
  if (!r.email) return;
  const email = r.email;
  await db.transaction(async (tx) => {
    const member = await ensureMember(tx, email);
    await lockSubscription(tx, r.sub.id, r.sub.customer);
    await linkSubscriptionMember(tx, r.sub.id, member.id, LINK_RANK.email);
    await attachStripeCustomer(tx, member.id, r.sub.customer);
  });
}

async function applySnapshot(db: Db, r: Remote, opts: ReconcileOptions): Promise<boolean> {
  const applied = await applyStripeEvent(
    db,
    {
      id: `evt_reconcile_${randomBytes(10).toString("hex")}`,
      type: isTerminalStatus(r.sub.status) ? "customer.subscription.deleted" : "customer.subscription.updated",
      created: Math.floor(opts.now.getTime() / 1000),
      livemode: r.raw.livemode === true,
      data: { object: r.raw },
    },
    { pastDueGraceMs: opts.pastDueGraceMs },
  );
  return applied.ok;
}

export async function reconcileWithStripe(db: Db, stripe: Stripe, opts: ReconcileOptions): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, agree: 0, findings: [] };
  const seen = new Set<string>();
  for await (const listed of stripe.subscriptions.list({ status: "all", limit: 100, expand: ["data.customer"] })) {
    report.checked++;
    // A plain copy: exactly the JSON a webhook would carry, without the SDK's extras.
    const raw = JSON.parse(JSON.stringify(listed)) as Record<string, unknown>;
    const id = typeof raw.id === "string" ? raw.id : "(no id)";
    seen.add(id);
    const parsed = subscriptionSchema.safeParse(raw);
    if (!parsed.success) {
      report.findings.push({
        kind: "unreadable",
        subscriptionId: id,
        memberId: null,
        grantId: null,
        here: null,
        stripe: null,
        detail: "unexpected subscription shape",
        fixed: false,
      });
      continue;
    }
    const r: Remote = { raw, sub: parsed.data, email: customerEmail(raw) };
    const before = await compare(db, r, opts);
    if (before.unmapped) {
      report.findings.push({
        kind: "unmapped",
        subscriptionId: id,
        memberId: before.member.id,
        grantId: before.existing?.id ?? null,
        here: before.here,
        stripe: null,
        detail: before.reason ?? "",
        fixed: false,
      });
      continue;
    }
    if (sameAccessAhead(before.here, before.stripe)) {
      report.agree++;
      continue;
    }
    const kind: FindingKind = before.member.id === null ? "unlinked" : before.existing ? "differs" : "missing";
    const finding: ReconcileFinding = {
      kind,
      subscriptionId: id,
      memberId: before.member.id,
      grantId: before.existing?.id ?? null,
      here: before.here,
      stripe: before.stripe,
      detail: before.reason ?? (kind === "unlinked" ? `no member for customer ${r.sub.customer}${r.email ? ` (${r.email})` : ""}` : ""),
      fixed: false,
    };
    if (opts.fix && (kind !== "unlinked" || r.email)) {
      if (before.member.id === null || before.member.byEmail) await linkByEmail(db, r);
      if (await applySnapshot(db, r, opts)) {
        const after = await compare(db, r, opts);
        finding.fixed = sameAccessAhead(after.here, after.stripe);
        finding.memberId = after.member.id;
        if (finding.fixed) await opts.onFixed?.(finding);
      }
    }
    report.findings.push(finding);
  }
  // Access here that Stripe does not know: reported, never revoked automatically (the key may be
  // for another account or mode; an operator decides).
  for (const { grant } of await listLiveStripeGrants(db, opts.now)) {
    if (grant.sourceRef && seen.has(grant.sourceRef)) continue;
    const here = accessAhead(grant, opts.now);
    report.findings.push({
      kind: "orphan",
      subscriptionId: grant.sourceRef ?? "(none)",
      memberId: grant.memberId,
      grantId: grant.id,
      here,
      stripe: null,
      detail: "not listed by Stripe",
      fixed: false,
    });
  }
  return report;
}
