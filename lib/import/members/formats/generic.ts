import { blankToNull, CellReader, type FormatReader } from "./shared";

// The documented generic CSV (README → Importing members), for any other source:
//   email       required
//   name        optional
//   tier        a tier slug or name of the publication, or a level name mapped with --map;
//               empty or "free": a free member
//   starts_at   when the access began (YYYY-MM-DD or ISO 8601); empty: the import's day
//   ends_at     when it ends; a date alone lasts to the end of that day; empty: lifetime
//   newsletter  true/false, yes/no, 1/0; empty: the import's --newsletter default
//   note        kept in the grant's note and the audit log
//   stripe_customer_id  optional: a later Stripe subscription of this customer joins the member
export const genericReader: FormatReader = {
  required: ["email"],
  read: (cells, ctx) => {
    const cell = new CellReader(cells, ctx);
    const entry = cell.entry(blankToNull(cells.get("name")));
    entry.stripeCustomerId = blankToNull(cells.get("stripe_customer_id"));
    entry.note = blankToNull(cells.get("note"));
    const newsletter = cell.flag("newsletter", "yes nor no");
    entry.newsletter = newsletter ?? null;
    const tier = cells.get("tier").trim();
    entry.startsAt = cell.instant("starts_at") ?? null;
    const ends = cell.end("ends_at");
    if (tier && tier.toLowerCase() !== "free") {
      entry.level = tier;
      entry.levelKey = tier.toLowerCase();
      entry.ends = ends ? { kind: "at", at: ends } : { kind: "lifetime" };
    }
    return { entries: [entry], issues: cell.issues };
  },
};
