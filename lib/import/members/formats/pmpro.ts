import { CellReader, personName, type FormatReader } from "./shared";

// Paid Memberships Pro's Members List export (Memberships → Members → Export to CSV; before PMPro
// 3.x adminpages/memberslist-csv.php, now the exports class). Its columns: id, username, firstname,
// lastname, email, membership, membership_id, discount_code_id, discount_code,
// subscription_transaction_id, billing_amount, cycle_number, cycle_period, next_payment_date,
// joined, startdate, expires ("ended" in the old-members export). One row per user and level (a
// user may hold several levels). Dates are Y-m-d by default ("N/A" when none); exports before 2.0
// wrote m/d/Y and "Never" and had fee/term columns instead of the subscription ones.
//
// The end of access: `expires`/`ended` when set. Without one, a recurring member has paid through
// `next_payment_date` (PMPro leaves enddate empty while a subscription renews): the grant runs to
// the end of that day, and a Masthead subscription or stripe:reconcile takes over from there. No
// end and no subscription is a lifetime level.
export const pmproReader: FormatReader = {
  required: ["email", "membership"],
  anyOf: [["expires", "ended"]],
  read: (cells, ctx) => {
    const cell = new CellReader(cells, ctx, true);
    // Not the username: a login is no name to greet a reader by.
    const entry = cell.entry(personName(cells.get("firstname"), cells.get("lastname")));
    const level = cells.get("membership").trim();
    const levelId = cells.get("membership_id").trim();
    if (level || levelId) {
      entry.level = level || `#${levelId}`;
      entry.levelKey = levelId ? `#${levelId}` : level.toLowerCase();
      entry.levelAliases = levelId ? [levelId, `#${levelId}`] : [];
    }
    const joined = cells.has("joined") ? cell.instant("joined") : null;
    const start = cells.has("startdate") ? cell.instant("startdate") : null;
    entry.createdAt = joined ?? null;
    entry.startsAt = start ?? joined ?? null;
    const expiryColumn = cells.has("ended") ? "ended" : "expires";
    const expires = cell.end(expiryColumn);
    const nextPayment = cells.has("next_payment_date") ? cell.end("next_payment_date") : null;
    if (expires) entry.ends = { kind: "at", at: expires };
    else if (nextPayment) entry.ends = { kind: "at", at: nextPayment };
    else entry.ends = { kind: "lifetime" };
    const billing = [cells.get("billing_amount") || cells.get("fee"), cells.get("cycle_period") || cells.get("term")].map((s) => s.trim()).filter(Boolean);
    const sub = cells.get("subscription_transaction_id").trim();
    entry.note = [
      `PMPro “${entry.level ?? "?"}”${levelId ? ` (#${levelId})` : ""}`,
      billing.length ? `billing ${billing.join(" / ")}` : "",
      sub ? `subscription ${sub}` : "",
      expires === null && nextPayment ? "renewing" : "",
    ]
      .filter(Boolean)
      .join(", ");
    return { entries: [entry], issues: cell.issues };
  },
};
