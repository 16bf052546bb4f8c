import fs from "node:fs";
import path from "node:path";

// Stripe's published fixture objects (tests/fixtures/stripe/fixtures3.json, MIT), deep-copied and
// overridden per case. Tests only: the product never reads this file.

export type Json = Record<string, unknown>;

const FILE = path.resolve(import.meta.dirname, "../../fixtures/stripe/fixtures3.json");
let resources: Record<string, Json> | undefined;

function isJson(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function fixture(name: string): Json {
  if (!resources) {
    const parsed: unknown = JSON.parse(fs.readFileSync(FILE, "utf8"));
    if (!isJson(parsed) || !isJson(parsed.resources)) throw new Error(`unexpected fixture file ${FILE}`);
    resources = Object.fromEntries(Object.entries(parsed.resources).filter((e): e is [string, Json] => isJson(e[1])));
  }
  const found = resources[name];
  if (!found) throw new Error(`no fixture ${name}`);
  return structuredClone(found);
}

// Plain objects merge recursively; arrays and scalars replace.
export function merge(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isJson(v) && isJson(base[k]) ? merge(base[k], v) : v;
  return out;
}

export type PriceSpec = { id: string; lookupKey?: string | null; metadata?: Record<string, string>; interval?: "month" | "year"; product?: unknown };

export function priceFixture(p: PriceSpec): Json {
  const base = fixture("price");
  return merge(base, {
    id: p.id,
    lookup_key: p.lookupKey ?? null,
    metadata: p.metadata ?? {},
    recurring: merge(isJson(base.recurring) ? base.recurring : {}, { interval: p.interval ?? "month" }),
    ...(p.product !== undefined ? { product: p.product } : {}),
  });
}

export type SubscriptionSpec = {
  id?: string;
  customer?: string;
  status?: string;
  startDate: number;
  periodStart: number;
  periodEnd: number;
  price: PriceSpec;
  cancelAtPeriodEnd?: boolean;
  cancelAt?: number | null;
  canceledAt?: number | null;
  endedAt?: number | null;
  metadata?: Record<string, string>;
};

/** The fixture subscription with its one item and the fields a case depends on overridden. */
export function subscriptionFixture(s: SubscriptionSpec): Json {
  const base = fixture("subscription");
  const items = isJson(base.items) && Array.isArray(base.items.data) && isJson(base.items.data[0]) ? base.items.data[0] : {};
  const id = s.id ?? "sub_fixture";
  return merge(base, {
    id,
    customer: s.customer ?? "cus_fixture",
    status: s.status ?? "active",
    start_date: s.startDate,
    created: s.startDate,
    cancel_at_period_end: s.cancelAtPeriodEnd ?? false,
    cancel_at: s.cancelAt ?? null,
    canceled_at: s.canceledAt ?? null,
    ended_at: s.endedAt ?? null,
    metadata: s.metadata ?? {},
    items: {
      data: [merge(items, { subscription: id, price: priceFixture(s.price), current_period_start: s.periodStart, current_period_end: s.periodEnd })],
    },
  });
}

/** The objects of a list field (`items`, `lines`…), for cases that reshape them. */
export function listOf(obj: Json, field: string): Json[] {
  const list = obj[field];
  return isJson(list) && Array.isArray(list.data) ? list.data.filter(isJson) : [];
}

export const itemsOf = (sub: Json) => listOf(sub, "items");

export function eventFixture(type: string, object: Json, e: { id: string; created: number }): Json {
  return { ...merge(fixture("event"), { id: e.id, type, created: e.created, livemode: false }), data: { object } };
}
