import { describe, expect, it } from "vitest";
import { isPaidStatus, mismatchReason, paymentFreshness, toPaymentFact, vatIncluded } from "@/lib/billing/portone/payment-facts";
import { krwPriceProblem, nextRetryAt, periodEnd, periodPaymentId, RETRY_AFTER_MS } from "@/lib/billing/portone/periods";
import { resolvePortOneState, shortenedEnd, toPortOneSnapshot, type PaymentRow, type SubscriptionInputs } from "@/lib/billing/portone/subscription-state";

// The pure PortOne rules: periods, Korean price rules, retries, the payment ordering key and the
// subscription state folded from payments.

const d = (s: string) => new Date(s);
const H = 3_600_000;

describe("periods", () => {
  it.each([
    ["2027-01-31T00:00:00Z", "monthly", "2027-02-28T00:00:00.000Z"],
    ["2027-01-15T09:30:00Z", "monthly", "2027-02-15T09:30:00.000Z"],
    ["2028-02-29T00:00:00Z", "yearly", "2029-02-28T00:00:00.000Z"],
  ] as const)("%s + one %s period ends %s", (start, interval, end) => {
    expect(periodEnd(d(start), interval, null).toISOString()).toBe(end);
  });
  it("a demo period length overrides the calendar", () => {
    expect(periodEnd(d("2027-01-01T00:00:00Z"), "monthly", 120).toISOString()).toBe("2027-01-01T00:02:00.000Z");
  });
  it("a period's payment id is the same for every attempt at it", () => {
    expect(periodPaymentId("pos_a", 3)).toBe("pos_a-p3");
    expect(periodPaymentId("pos_a", 3)).toBe(periodPaymentId("pos_a", 3));
  });
});

describe("Korean price rules", () => {
  it.each([
    [100, "krw", null],
    [7900, "KRW", null],
    [99, "krw", /at least ₩100/],
    [0, "krw", /at least ₩100/],
    [7900.5, "krw", /whole won/],
    [null, "krw", /whole won/],
    [900, "usd", /KRW/],
  ] as const)("%s %s", (amount, currency, problem) => {
    const p = krwPriceProblem(amount, currency);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });
  it.each([
    [7900, 718],
    [11000, 1000],
    [100, 9],
  ])("₩%i includes ₩%i VAT (10 %)", (total, vat) => {
    expect(vatIncluded(total)).toBe(vat);
  });
});

describe("renewal retries", () => {
  const end = d("2027-02-01T00:00:00Z");
  it("retry after each decline, measured from the period end, then give up", () => {
    expect(nextRetryAt(end, 1, end)!.getTime()).toBe(end.getTime() + RETRY_AFTER_MS[0]);
    expect(nextRetryAt(end, 2, end)!.getTime()).toBe(end.getTime() + RETRY_AFTER_MS[1]);
    expect(nextRetryAt(end, 3, end)!.getTime()).toBe(end.getTime() + RETRY_AFTER_MS[2]);
    expect(nextRetryAt(end, 4, end)).toBeNull();
  });
  it("never schedules in the past (a late run waits at least a minute)", () => {
    const late = new Date(end.getTime() + 30 * H);
    expect(nextRetryAt(end, 1, late)!.getTime()).toBe(late.getTime() + 60_000);
  });
});

describe("payment facts", () => {
  const paid = {
    id: "pos_a-p1",
    status: "PAID",
    amount: { total: 7900, paid: 7900, cancelled: 0, vat: 718 },
    currency: "KRW",
    paidAt: "2027-01-01T00:00:00Z",
    statusChangedAt: "2027-01-01T00:00:00Z",
  };
  it("reads the fields billing keeps; unknown statuses are OTHER; garbage is null", () => {
    expect(toPaymentFact(paid)).toMatchObject({ paymentId: "pos_a-p1", status: "PAID", amount: 7900, currency: "krw", vat: 718, cancelledAmount: 0 });
    expect(toPaymentFact({ ...paid, status: "VIRTUAL_ACCOUNT_ISSUED" })?.status).toBe("OTHER");
    expect(toPaymentFact({ id: "x" })).toBeNull();
    expect(toPaymentFact({ ...paid, amount: { total: -1 } })).toBeNull();
  });
  it("sums succeeded cancellations when the amount does not say", () => {
    const f = toPaymentFact({
      ...paid,
      status: "PARTIAL_CANCELLED",
      amount: { total: 7900 },
      cancellations: [
        { status: "SUCCEEDED", totalAmount: 1000, cancelledAt: "2027-01-02T00:00:00Z" },
        { status: "FAILED", totalAmount: 500 },
        { status: "SUCCEEDED", totalAmount: 2000, cancelledAt: "2027-01-03T00:00:00Z" },
      ],
    });
    expect(f).toMatchObject({ cancelledAmount: 3000, cancelledAt: d("2027-01-03T00:00:00Z") });
  });
  it("the ordering key only moves forward: failed < paid < partly refunded (more refunded later) < refunded", () => {
    const at = d("2027-01-01T00:00:00Z");
    const later = d("2027-01-02T00:00:00Z");
    const keys = [
      paymentFreshness({ status: "FAILED", cancelledAmount: 0, changedAt: later }),
      paymentFreshness({ status: "PAID", cancelledAmount: 0, changedAt: at }),
      paymentFreshness({ status: "PARTIAL_CANCELLED", cancelledAmount: 1000, changedAt: at }),
      paymentFreshness({ status: "PARTIAL_CANCELLED", cancelledAmount: 2000, changedAt: at }),
      paymentFreshness({ status: "CANCELLED", cancelledAmount: 2000, changedAt: at }),
    ];
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it("a fact must match the price asked for, amount and currency", () => {
    expect(mismatchReason({ amount: 7900, currency: "krw" }, { amount: 7900, currency: "KRW" })).toBeNull();
    expect(mismatchReason({ amount: 100, currency: "krw" }, { amount: 7900, currency: "krw" })).toMatch(/amount 100/);
    expect(mismatchReason({ amount: 7900, currency: "usd" }, { amount: 7900, currency: "krw" })).toMatch(/currency usd/);
  });
  it.each([
    ["PAID", true],
    ["PARTIAL_CANCELLED", true],
    ["CANCELLED", true],
    ["FAILED", false],
    ["READY", false],
    [null, false],
  ] as const)("%s paid once: %s", (s, v) => {
    expect(isPaidStatus(s)).toBe(v);
  });
});

describe("subscription state from its payments", () => {
  const sub: SubscriptionInputs = {
    id: "pos_a",
    memberId: 7,
    interval: "monthly",
    createdAt: d("2027-01-01T00:00:00Z"),
    cancelAtPeriodEnd: false,
    canceledAt: null,
    endedAt: null,
    renewalTrouble: false,
  };
  const pay = (i: number, status: PaymentRow["status"], extra: Partial<PaymentRow> = {}): PaymentRow => ({
    id: `pos_a-p${i}`,
    periodIndex: i,
    periodStart: d(`2027-0${i}-01T00:00:00Z`),
    periodEnd: d(`2027-0${i + 1}-01T00:00:00Z`),
    amount: 7900,
    status,
    paidAt: status === "FAILED" || status === "READY" ? null : d(`2027-0${i}-01T00:00:00Z`),
    cancelledAmount: 0,
    cancelledAt: null,
    ...extra,
  });

  it("nothing paid: incomplete, no period", () => {
    expect(resolvePortOneState(sub, [pay(1, "READY")])).toMatchObject({ status: "incomplete", periodIndex: 0, periodEnd: null });
    expect(resolvePortOneState(sub, [pay(1, "FAILED")])).toMatchObject({ status: "incomplete" });
  });
  it("the latest paid period is current, whatever order the payments come in", () => {
    const a = resolvePortOneState(sub, [pay(2, "PAID"), pay(1, "PAID")]);
    expect(a).toMatchObject({ status: "active", periodIndex: 2, periodEnd: d("2027-03-01T00:00:00Z"), startedAt: d("2027-01-01T00:00:00Z") });
    expect(resolvePortOneState(sub, [pay(1, "PAID"), pay(2, "PAID")])).toEqual(a);
  });
  it("a failed next period, or trouble renewing, is past due", () => {
    expect(resolvePortOneState(sub, [pay(1, "PAID"), pay(2, "FAILED")]).status).toBe("past_due");
    expect(resolvePortOneState({ ...sub, renewalTrouble: true }, [pay(1, "PAID")]).status).toBe("past_due");
  });
  it("a partial refund shortens the period in proportion and stops renewal; a full one ends it at the refund", () => {
    const partial = resolvePortOneState(sub, [pay(1, "PARTIAL_CANCELLED", { cancelledAmount: 3950, cancelledAt: d("2027-01-05T00:00:00Z") })]);
    expect(partial).toMatchObject({ status: "active", cancelAtPeriodEnd: true, periodEnd: shortenedEnd({ ...pay(1, "PAID"), cancelledAmount: 3950 }) });
    expect(partial.periodEnd!.getTime()).toBe(d("2027-01-16T12:00:00Z").getTime());
    const full = resolvePortOneState(sub, [pay(1, "CANCELLED", { cancelledAmount: 7900, cancelledAt: d("2027-01-05T00:00:00Z") })]);
    expect(full).toMatchObject({ status: "canceled", endedAt: d("2027-01-05T00:00:00Z") });
  });
  it("becomes the provider-neutral snapshot the grant is derived from", () => {
    const state = resolvePortOneState({ ...sub, cancelAtPeriodEnd: true }, [pay(1, "PAID")]);
    const snap = toPortOneSnapshot({ ...sub, cancelAtPeriodEnd: true }, state, "data.premium");
    expect(snap).toMatchObject({
      id: "pos_a",
      status: "active",
      cancelAt: Date.parse("2027-02-01T00:00:00Z") / 1000,
      items: [{ lookupKey: "data.premium_monthly", tierHint: "data.premium", interval: "month" }],
    });
  });
});
