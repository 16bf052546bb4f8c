import type { Db } from "@/db/client";
import { getPortOneSubscription } from "@/db/queries/portone";
import { portoneIntervals, type PortOneInterval } from "@/db/schema";
import type { Actor } from "@/lib/studio/audit";
import { recordAudit } from "@/lib/studio/audit";
import { flagString, UsageError, type ParsedArgs } from "@/lib/studio/cli/args";
import type { Command } from "@/lib/studio/cli/commands";
import { billingSettings } from "../config";
import { setPublicationProvider } from "../provider";
import { createPortOneApi } from "./api";
import { portoneSettings } from "./config";
import { refundCurrentPeriod } from "./manage";
import { announcePriceChange } from "./price-change";
import { reconcileWithPortOne } from "./reconcile";

// The PortOne operator commands (scripts/cli.ts). Those that talk to PortOne need real keys: the
// offline stand-in lives inside the server process, so there is nothing else to talk to.

function realApi(what: string) {
  const s = portoneSettings();
  if (!s.apiSecret)
    throw new UsageError(`PORTONE_API_SECRET is not set: there is no PortOne store to ${what} (the local demo's stand-in runs inside the server)`);
  return createPortOneApi({ secret: s.apiSecret, baseUrl: s.apiBase ?? undefined, storeId: s.storeId ?? undefined });
}

export const portoneCommands: Record<string, Command> = {
  "portone:reconcile": {
    usage: "portone:reconcile [--fix]",
    scope: "network",
    summary: "List PortOne payments Masthead records differently from PortOne; --fix applies PortOne's record.",
    run: async (db: Db, actor: Actor, args: ParsedArgs, out: (line: string) => void) => {
      const api = realApi("compare with");
      await reconcileWithPortOne(db, api, { fix: args.flags.fix === true, actor, out });
    },
  },
  "billing:provider": {
    usage: "billing:provider <publication-slug> stripe|portone",
    scope: "network",
    summary: "Choose which provider takes a publication's payments (design §12).",
    run: async (db: Db, actor: Actor, args: ParsedArgs, out: (line: string) => void) => {
      const [slug, provider] = args.positionals;
      if (!slug || (provider !== "stripe" && provider !== "portone")) throw new UsageError("name a publication and stripe or portone");
      const r = await setPublicationProvider(db, actor, slug, provider);
      out(`${r.slug}: payments through ${r.provider}`);
    },
  },
  "portone:refund": {
    usage: "portone:refund <subscription-id> [--amount <won>] [--reason <text>]",
    scope: "network",
    summary: "Refund a PortOne subscription's current period, in full (access ends now) or in part (access shortened).",
    run: async (db: Db, actor: Actor, args: ParsedArgs, out: (line: string) => void) => {
      const [subscriptionId] = args.positionals;
      if (!subscriptionId) throw new UsageError("name the subscription (pos_…)");
      const rawAmount = flagString(args, "amount");
      const amount = rawAmount === undefined ? undefined : Number(rawAmount);
      if (amount !== undefined && (!Number.isInteger(amount) || amount <= 0)) throw new UsageError("--amount is a whole number of won");
      const reason = flagString(args, "reason") ?? "refund by the publisher";
      const sub = await getPortOneSubscription(db, subscriptionId);
      const r = await refundCurrentPeriod(
        db,
        realApi("refund through"),
        { subscriptionId, memberId: null, amount, reason, pastDueGraceMs: billingSettings().pastDueGraceMs },
        new Date(),
      );
      await recordAudit(db, actor, {
        action: "billing.refund",
        subjectType: "portone_payment",
        subjectId: r.paymentId,
        memberId: sub?.memberId ?? null,
        publicationId: sub?.publicationId ?? null,
        summary: `PortOne 환불: ${amount === undefined ? "전액" : `₩${amount}`}`,
        details: { subscriptionId },
      });
      out(`${r.paymentId}: refunded ${amount === undefined ? "in full" : `₩${amount}`}`);
    },
  },
  "portone:price-change": {
    usage: "portone:price-change --tier <slug> --interval monthly|yearly --amount <won> --effective <YYYY-MM-DD>",
    scope: "publication",
    summary: "Announce a new price to a tier's PortOne subscribers (30 days ahead at least); renewals charge it from then.",
    run: async (db: Db, actor: Actor, args: ParsedArgs, out: (line: string) => void) => {
      const tierSlug = flagString(args, "tier");
      const interval = flagString(args, "interval");
      const amount = Number(flagString(args, "amount"));
      const effective = new Date(`${flagString(args, "effective") ?? ""}T00:00:00+09:00`);
      if (!tierSlug || !portoneIntervals.includes(interval as PortOneInterval) || !Number.isInteger(amount) || Number.isNaN(effective.getTime()))
        throw new UsageError("--tier, --interval, --amount and --effective are required");
      if (actor.publicationId === null) throw new UsageError("--publication is required");
      const r = await announcePriceChange(db, actor, {
        publicationId: actor.publicationId,
        tierSlug,
        interval: interval as PortOneInterval,
        newAmount: amount,
        effectiveAt: effective,
      });
      out(`price change #${r.change.id}: ₩${amount} from ${effective.toISOString()}; ${r.notified} subscriber(s) notified`);
    },
  },
};
