import { PortOneClient, RestError } from "@portone/server-sdk";

// The PortOne V2 calls Masthead makes, through the official SDK. Narrow on purpose: the webhook,
// checkout, renewal job and reconcile command take a PortOneApi, so tests can hand them the
// stand-in (lib/billing/portone/standin) — which the SDK itself talks to over HTTP — or a double.

export type PayInput = {
  paymentId: string;
  billingKey: string;
  orderName: string;
  /** Won, VAT included (KRW has no minor unit). */
  amount: number;
  customerId: string;
  email: string;
  customData: string;
};

export type PortOneApi = {
  /** The payment as PortOne has it now (parsed by payment-facts.ts). */
  getPayment(paymentId: string): Promise<unknown>;
  payWithBillingKey(input: PayInput): Promise<{ paidAt: string }>;
  cancelPayment(input: { paymentId: string; amount?: number; reason: string }): Promise<void>;
  getBillingKeyInfo(billingKey: string): Promise<unknown>;
  deleteBillingKey(billingKey: string): Promise<void>;
  /** Server-side issuance with card details: the offline demo only (real checkouts use the browser SDK). */
  issueBillingKey(input: {
    card: { number: string; expiryYear: string; expiryMonth: string };
    customerId: string;
    email: string;
  }): Promise<{ billingKey: string }>;
};

/** PortOne could not be asked (network, timeout, 5xx): nothing is known about the outcome. */
export class PortOneUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortOneUnavailable";
  }
}

/** PortOne answered with an error of its API (e.g. PG_PROVIDER for a declined card, ALREADY_PAID). */
export class PortOneRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "PortOneRefused";
  }
}

const TIMEOUT_MS = 20_000;

// A timed-out charge may still have gone through at PortOne: callers retry with the same paymentId,
// which PortOne answers ALREADY_PAID, so a timeout never turns into a second charge.
async function call<T>(what: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PortOneUnavailable(`${what}: no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (err) {
    throw classify(what, err);
  } finally {
    clearTimeout(timer);
  }
}

export function classify(what: string, err: unknown): Error {
  if (err instanceof PortOneUnavailable || err instanceof PortOneRefused) return err;
  if (err instanceof RestError) {
    const data: { type: unknown; message?: string; pgMessage?: string } = err.data;
    const code = typeof data.type === "string" ? data.type : "UNRECOGNIZED";
    const detail = [data.message, data.pgMessage].filter(Boolean).join(" / ");
    return new PortOneRefused(code, `${what}: ${code}${detail ? ` (${detail})` : ""}`.slice(0, 400));
  }
  // fetch failed, a 5xx whose body is not JSON, a reset connection…
  return new PortOneUnavailable(`${what}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300));
}

export function createPortOneApi(opts: { secret: string; baseUrl?: string; storeId?: string; channelKey?: string }): PortOneApi {
  const client = PortOneClient({ secret: opts.secret, ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}), ...(opts.storeId ? { storeId: opts.storeId } : {}) });
  return {
    getPayment: (paymentId) => call("getPayment", () => client.payment.getPayment({ paymentId })),
    payWithBillingKey: (i) =>
      call("payWithBillingKey", async () => {
        const r = await client.payment.payWithBillingKey({
          paymentId: i.paymentId,
          billingKey: i.billingKey,
          orderName: i.orderName,
          amount: { total: i.amount },
          currency: "KRW",
          customer: { id: i.customerId, email: i.email },
          customData: i.customData,
        });
        return { paidAt: r.payment.paidAt };
      }),
    cancelPayment: (i) =>
      call("cancelPayment", async () => {
        await client.payment.cancelPayment({ paymentId: i.paymentId, reason: i.reason, ...(i.amount !== undefined ? { amount: i.amount } : {}) });
      }),
    getBillingKeyInfo: (billingKey) => call("getBillingKeyInfo", () => client.payment.billingKey.getBillingKeyInfo({ billingKey })),
    deleteBillingKey: (billingKey) =>
      call("deleteBillingKey", async () => {
        await client.payment.billingKey.deleteBillingKey({ billingKey });
      }),
    issueBillingKey: (i) =>
      call("issueBillingKey", async () => {
        const r = await client.payment.billingKey.issueBillingKey({
          method: { card: { credential: { number: i.card.number, expiryYear: i.card.expiryYear, expiryMonth: i.card.expiryMonth } } },
          ...(opts.channelKey ? { channelKey: opts.channelKey } : {}),
          customer: { id: i.customerId, email: i.email },
        });
        return { billingKey: r.billingKeyInfo.billingKey };
      }),
  };
}
