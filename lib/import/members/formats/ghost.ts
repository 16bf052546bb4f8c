import { blankToNull, CellReader, readBoolean, type FormatReader } from "./shared";

// Ghost's members export (Members → ⋯ → Export, @tryghost/members-csv unparse): id, email, name,
// note, subscribed_to_emails, complimentary_plan, stripe_customer_id, created_at, deleted_at,
// labels, tiers ("products" before Ghost 5). `tiers` lists the member's tiers by name, comma
// separated; free members have none. The export carries no paid-through date: a comped member
// keeps the tier for good (Ghost comps do not end unless an `expiry_at` column says so), a paying
// one is granted until --paid-until (their Stripe subscription, found through stripe_customer_id by
// stripe:reconcile or the next webhook, carries on from there); without it they are an error the
// dry run lists. Ghost's own importer makes such members free; here they keep what they paid for.
export const ghostReader: FormatReader = {
  required: ["email"],
  read: (cells, ctx) => {
    const cell = new CellReader(cells, ctx);
    const { issues } = cell;
    const base = cell.entry(blankToNull(cells.get("name")));
    if (blankToNull(cells.get("deleted_at"))) return cell.skip("deleted", "deleted in Ghost (deleted_at is set)");
    base.createdAt = cell.instant("created_at") ?? null;
    base.startsAt = base.createdAt;
    base.stripeCustomerId = blankToNull(cells.get("stripe_customer_id"));
    const subscribed = cell.flag("subscribed_to_emails");
    base.newsletter = subscribed ?? null;
    const comped = readBoolean(cells.get("complimentary_plan")) === true;
    const expiry = cells.has("expiry_at") ? cell.end("expiry_at") : null;
    const labels = blankToNull(cells.get("labels"));
    const note = blankToNull(cells.get("note"));
    base.note = [`Ghost${comped ? " (complimentary)" : ""}`, note, labels ? `labels: ${labels}` : null].filter(Boolean).join(" · ");
    const tierList = cells.get("tiers") || cells.get("products") || cells.get("import_tier");
    let names = tierList
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    // A comp without a named tier is on Ghost's default tier: map "complimentary" to one of ours.
    if (!names.length && comped) names = ["complimentary"];
    if (!names.length) return { entries: [base], issues };
    const ends = expiry ? ({ kind: "at", at: expiry } as const) : comped ? ({ kind: "lifetime" } as const) : ({ kind: "unknown" } as const);
    const entries = [...new Set(names)].map((name) => ({ ...base, level: name, levelKey: name.toLowerCase(), ends }));
    return { entries, issues };
  },
};
