import { blankToNull, CellReader, readBoolean, type FormatReader } from "./shared";

// Substack's subscriber export (Settings → Exports): the subscribers file has email, expiry,
// email_disabled, stripe_connected_customer_id, type (paid, comp, gift, founding, free); the
// signups file has email, active_subscription, expiry, email_disabled, created_at and no type
// (active_subscription "true" is a paying one). Either works; `name`, `plan` and
// `stripe_customer_id` are read when a variant has them. `expiry` is the instant access ends.
// Addresses at deletion-request.substack.com are readers who asked to be forgotten: skipped.
const FREE_TYPES = new Set(["", "free", "none"]);

export const substackReader: FormatReader = {
  required: ["email"],
  read: (cells, ctx) => {
    const cell = new CellReader(cells, ctx);
    const { issues } = cell;
    const entry = cell.entry(blankToNull(cells.get("name")));
    if (/@deletion-request\.substack\.com$/i.test(entry.email.trim())) return cell.skip("deletion_request", "a Substack deletion request: not imported");
    entry.createdAt = cell.instant("created_at") ?? null;
    entry.startsAt = entry.createdAt;
    entry.stripeCustomerId = blankToNull(cells.get("stripe_connected_customer_id")) ?? blankToNull(cells.get("stripe_customer_id"));
    const disabled = cell.flag("email_disabled");
    entry.newsletter = disabled === null || disabled === undefined ? null : !disabled;
    const type = cells.has("type") ? cells.get("type").trim().toLowerCase() : readBoolean(cells.get("active_subscription")) === true ? "paid" : "free";
    const plan = cells.get("plan").trim();
    entry.note = ["Substack", type && !FREE_TYPES.has(type) ? type : null, plan || null].filter(Boolean).join(" · ");
    if (FREE_TYPES.has(type)) return { entries: [entry], issues };
    entry.level = type;
    entry.levelKey = type;
    const expiry = cell.end("expiry");
    // A paying subscriber's expiry is when their paid period ends; a comp or gift without one does not end.
    entry.ends = expiry ? { kind: "at", at: expiry } : type === "paid" || type === "founding" ? { kind: "unknown" } : { kind: "lifetime" };
    return { entries: [entry], issues };
  },
};
