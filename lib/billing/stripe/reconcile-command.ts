import type Stripe from "stripe";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/studio/audit";
import { recordAudit } from "@/lib/studio/audit";
import { UsageError, type ParsedArgs } from "@/lib/studio/cli/args";
import type { Command } from "@/lib/studio/cli/commands";
import { billingSettings } from "../config";
import { describeAccess } from "../ledger/reconcile-diff";
import { reconcileWithStripe, type ReconcileFinding, type ReconcileReport } from "./reconcile-stripe";
import { createStripeFromEnv } from "./config";

// `npm run masthead -- stripe:reconcile [--fix]`: lists members whose grants disagree with what
// Stripe says now, and with --fix applies Stripe's current state. Safe to run any time: fixes go
// through the webhook's own code and ordering rule, and each one is written to the audit log.

const LABEL: Record<ReconcileFinding["kind"], string> = {
  differs: "DIFFERS",
  missing: "MISSING",
  unlinked: "UNLINKED",
  unmapped: "UNKNOWN PRICE",
  unreadable: "UNREADABLE",
  orphan: "NOT IN STRIPE",
};

export function formatFinding(f: ReconcileFinding): string {
  const who = f.memberId === null ? "no member" : `member #${f.memberId}`;
  const outcome = f.fixed
    ? " → fixed"
    : f.kind === "orphan" && f.grantId !== null
      ? ` → left alone (end it with: npm run masthead -- revoke ${f.grantId})`
      : "";
  const detail = f.detail ? ` (${f.detail})` : "";
  // Name the member per side only when the sides disagree about who it is.
  const moved = Boolean(f.here && f.stripe && f.here.memberId !== f.stripe.memberId);
  return `${LABEL[f.kind].padEnd(14)} ${f.subscriptionId} ${who}: here ${describeAccess(f.here, moved)}; Stripe ${describeAccess(f.stripe, moved)}${detail}${outcome}`;
}

export type StripeReconcileInput = { db: Db; stripe: Stripe; actor: Actor; fix: boolean; now?: Date; out: (line: string) => void };

/** The command's work, callable with any client (tests point one at a local stand-in). */
export async function runStripeReconcile(input: StripeReconcileInput): Promise<ReconcileReport> {
  const { db, actor, out } = input;
  const report = await reconcileWithStripe(db, input.stripe, {
    fix: input.fix,
    now: input.now ?? new Date(),
    pastDueGraceMs: billingSettings().pastDueGraceMs,
    onFixed: async (f) => {
      await recordAudit(db, actor, {
        action: "billing.reconcile",
        subjectType: "stripe_subscription",
        subjectId: f.subscriptionId,
        memberId: f.memberId,
        summary: `Stripe와 맞춤: ${describeAccess(f.stripe)}`,
        details: { kind: f.kind, before: describeAccess(f.here) },
      });
    },
  });
  const disagree = report.findings.filter((f) => f.kind !== "orphan").length;
  out(`Stripe: ${report.checked} subscription(s) checked; ${report.agree} agree, ${disagree} disagree.`);
  for (const f of report.findings) out(formatFinding(f));
  const fixable = report.findings.some((f) => !f.fixed && (f.kind === "differs" || f.kind === "missing" || f.kind === "unlinked"));
  if (!input.fix && fixable) out("Run again with --fix to apply Stripe's current state.");
  return report;
}

export const stripeCommands: Record<string, Command> = {
  "stripe:reconcile": {
    usage: "stripe:reconcile [--fix]",
    scope: "network",
    summary: "List members whose grants disagree with Stripe; --fix applies Stripe's current state.",
    run: async (db: Db, actor: Actor, args: ParsedArgs, out: (line: string) => void) => {
      const stripe = createStripeFromEnv();
      if (!stripe) throw new UsageError("STRIPE_SECRET_KEY is not set: there is no Stripe account to compare with (the local demo has none)");
      await runStripeReconcile({ db, stripe, actor, fix: args.flags.fix === true, out });
    },
  },
};
