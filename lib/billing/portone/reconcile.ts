import type { Db } from "@/db/client";
import { listPortOnePayments, listPortOneSubscriptions } from "@/db/queries/portone";
import { recordAudit, type Actor } from "@/lib/studio/audit";
import { billingSettings } from "../config";
import { PortOneRefused, type PortOneApi } from "./api";
import { applyPaymentFact } from "./apply";
import { toPaymentFact } from "./payment-facts";
import { inPortOneTx } from "./run";

// `npm run masthead -- portone:reconcile [--fix]`, the PortOne side of stripe:reconcile: every
// payment Masthead planned is compared with PortOne's record of it (a webhook lost, a renewal job
// killed after PortOne charged). --fix applies PortOne's record through the webhook's own code and
// ordering rule (an older record never overwrites a newer one), each fix in the audit log.

export type PortOneFinding = {
  kind: "differs" | "not_in_portone" | "unreadable";
  paymentId: string;
  subscriptionId: string;
  memberId: number;
  here: string;
  portone: string;
  fixed: boolean;
};

export type PortOneReconcileReport = { checked: number; agree: number; findings: PortOneFinding[] };

const describe = (status: string, cancelled: number) => (cancelled > 0 ? `${status} (refunded ₩${cancelled})` : status);

export async function reconcileWithPortOne(
  db: Db,
  api: PortOneApi,
  opts: { fix: boolean; actor: Actor; now?: Date; out: (line: string) => void },
): Promise<PortOneReconcileReport> {
  const now = opts.now ?? new Date();
  const report: PortOneReconcileReport = { checked: 0, agree: 0, findings: [] };
  const grace = billingSettings().pastDueGraceMs;
  for (const sub of await listPortOneSubscriptions(db)) {
    for (const p of await listPortOnePayments(db, sub.id)) {
      report.checked++;
      const here = describe(p.status, p.cancelledAmount);
      const base = { paymentId: p.id, subscriptionId: sub.id, memberId: sub.memberId, here, fixed: false };
      let raw: unknown;
      try {
        raw = await api.getPayment(p.id);
      } catch (err) {
        // A planned charge PortOne never saw (declined before it, or never attempted) is no disagreement.
        if (err instanceof PortOneRefused && err.code === "PAYMENT_NOT_FOUND") {
          if (p.status === "READY") report.agree++;
          else report.findings.push({ ...base, kind: "not_in_portone", portone: "no such payment" });
          continue;
        }
        throw err;
      }
      const fact = toPaymentFact(raw);
      if (!fact) {
        report.findings.push({ ...base, kind: "unreadable", portone: "a payment this version cannot read" });
        continue;
      }
      const there = describe(fact.status, fact.cancelledAmount);
      if (fact.status === p.status && fact.cancelledAmount === p.cancelledAmount) {
        report.agree++;
        continue;
      }
      const finding: PortOneFinding = { ...base, kind: "differs", portone: there };
      if (opts.fix) {
        const result = await inPortOneTx(db, grace, (ctx) => applyPaymentFact(ctx, fact, now));
        finding.fixed = result.status === "applied";
        if (finding.fixed) {
          await recordAudit(db, opts.actor, {
            action: "billing.reconcile",
            subjectType: "portone_payment",
            subjectId: p.id,
            memberId: sub.memberId,
            publicationId: sub.publicationId,
            summary: `PortOne과 맞춤: ${there}`,
            details: { before: here, subscriptionId: sub.id },
          });
        }
      }
      report.findings.push(finding);
    }
  }
  opts.out(`PortOne: ${report.checked} payment(s) checked; ${report.agree} agree, ${report.findings.length} disagree.`);
  for (const f of report.findings) {
    const label = { differs: "DIFFERS", not_in_portone: "NOT IN PORTONE", unreadable: "UNREADABLE" }[f.kind];
    opts.out(`${label.padEnd(14)} ${f.paymentId} member #${f.memberId}: here ${f.here}; PortOne ${f.portone}${f.fixed ? " → fixed" : ""}`);
  }
  if (!opts.fix && report.findings.some((f) => f.kind === "differs")) opts.out("Run again with --fix to apply PortOne's current record.");
  return report;
}
