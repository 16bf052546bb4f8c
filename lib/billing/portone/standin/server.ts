import http from "node:http";
import type { AddressInfo } from "node:net";
import { vatIncluded } from "../payment-facts";
import { loadBooks, newId, saveBooks, type StandInBillingKey, type StandInBooks, type StandInPayment } from "./state";
import { portoneWebhook, type SignedWebhook } from "./webhooks";

// A local stand-in for the PortOne V2 REST API — the endpoints Masthead calls, answering in the
// shapes of @portone/server-sdk's types and errors — so the SDK itself runs against it (tests and
// the offline demo). It signs and sends PortOne-style webhooks for what happens. Test controls:
// decline the next charges, go "down" (connections dropped), inspect every payment version.

export type StandInOptions = {
  /** The API secret clients must send (`Authorization: PortOne <secret>`). */
  apiSecret: string;
  webhookSecret: string;
  storeId: string;
  /** Where webhooks go; errors are swallowed (PortOne retries; tests redeliver themselves). */
  deliver?: (w: SignedWebhook) => Promise<void>;
  stateFile?: string | null;
  now?: () => Date;
};

type Answer = { status: number; body: unknown };
const ok = (body: unknown): Answer => ({ status: 200, body });
const error = (status: number, type: string, message: string, extra: Record<string, string> = {}): Answer => ({ status, body: { type, message, ...extra } });
const DECLINING_CARD = "4000000000000002";

export class PortOneStandIn {
  readonly books: StandInBooks;
  /** Every version each payment went through, oldest first (what a fetch could have seen). */
  readonly versions: { at: Date; payment: StandInPayment }[] = [];
  readonly webhooks: SignedWebhook[] = [];
  readonly calls: string[] = [];
  private server: http.Server | null = null;
  private declineNext = 0;
  private down = false;
  url = "";

  constructor(private readonly opts: StandInOptions) {
    this.books = loadBooks(opts.stateFile ?? null);
  }

  private now() {
    return this.opts.now?.() ?? new Date();
  }

  async start(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** The next `n` charges are declined by the "card company". */
  failNextCharges(n: number) {
    this.declineNext = n;
  }

  /** While down, every request's connection is dropped (PortOne unreachable). */
  setDown(down: boolean) {
    this.down = down;
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse) {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://standin");
    this.calls.push(`${req.method} ${url.pathname}`);
    let answer: Answer;
    if (req.headers.authorization !== `PortOne ${this.opts.apiSecret}`) answer = error(401, "UNAUTHORIZED", "인증 정보가 올바르지 않습니다.");
    else {
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
      } catch {
        answer = error(400, "INVALID_REQUEST", "body is not JSON");
      }
      answer ??= this.route(req.method ?? "GET", url.pathname, body);
    }
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.body));
  }

  private route(method: string, pathname: string, body: Record<string, unknown>): Answer {
    const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (parts[0] === "billing-keys" && parts.length === 1 && method === "POST") return this.issueBillingKey(body);
    if (parts[0] === "billing-keys" && parts.length === 2 && method === "GET") {
      const key = this.books.billingKeys[parts[1]];
      return key ? ok(stripStandIn(key)) : error(404, "BILLING_KEY_NOT_FOUND", "빌링키가 존재하지 않습니다.");
    }
    if (parts[0] === "billing-keys" && parts.length === 2 && method === "DELETE") return this.deleteBillingKey(parts[1]);
    if (parts[0] === "payments" && parts.length === 2 && method === "GET") {
      const p = this.books.payments[parts[1]];
      return p ? ok(p) : error(404, "PAYMENT_NOT_FOUND", "결제 건이 존재하지 않습니다.");
    }
    if (parts[0] === "payments" && parts.length === 3 && parts[2] === "billing-key" && method === "POST") return this.pay(parts[1], body);
    if (parts[0] === "payments" && parts.length === 3 && parts[2] === "cancel" && method === "POST") return this.cancel(parts[1], body);
    return error(404, "INVALID_REQUEST", `no route ${method} ${pathname}`);
  }

  private changed(payment: StandInPayment, type: string, extra: Record<string, string> = {}) {
    this.books.payments[payment.id] = payment;
    this.versions.push({ at: this.now(), payment: structuredClone(payment) });
    saveBooks(this.opts.stateFile ?? null, this.books);
    this.emit(type, { paymentId: payment.id, storeId: this.opts.storeId, transactionId: payment.transactionId, ...extra });
  }

  private emit(type: string, data: Record<string, string>) {
    const w = portoneWebhook(this.opts.webhookSecret, type, data, this.now());
    this.webhooks.push(w);
    const deliver = this.opts.deliver;
    // Sent after the API answer, as PortOne's asynchronous webhooks are.
    if (deliver) setImmediate(() => void deliver(w).catch(() => undefined));
  }

  private issueBillingKey(body: Record<string, unknown>): Answer {
    const method = body.method as { card?: { credential?: { number?: string; expiryYear?: string; expiryMonth?: string } } } | undefined;
    const card = method?.card?.credential;
    const number = (card?.number ?? "").replace(/\D/g, "");
    if (number.length < 12 || !card?.expiryMonth || !card.expiryYear) return error(400, "INVALID_REQUEST", "카드 정보가 올바르지 않습니다.");
    const at = this.now().toISOString();
    const customer = (body.customer ?? {}) as { id?: string; email?: string };
    const key: StandInBillingKey = {
      status: "ISSUED",
      billingKey: newId("billing-key"),
      merchantId: "merchant-standin",
      storeId: this.opts.storeId,
      methods: [
        {
          type: "BillingKeyPaymentMethodCard",
          card: {
            publisher: "STANDIN",
            issuer: "STANDIN",
            brand: "LOCAL",
            type: "CREDIT",
            ownerType: "PERSONAL",
            bin: number.slice(0, 6),
            number: `${number.slice(0, 6)}******${number.slice(-4)}`,
          },
        },
      ],
      channels: [standInChannel()],
      customer: { id: customer.id, email: customer.email },
      issuedAt: at,
      requestedAt: at,
      ...(number === DECLINING_CARD ? { declines: true } : {}),
    };
    this.books.billingKeys[key.billingKey] = key;
    saveBooks(this.opts.stateFile ?? null, this.books);
    this.emit("BillingKey.Issued", { billingKey: key.billingKey, storeId: this.opts.storeId });
    return ok({ billingKeyInfo: { billingKey: key.billingKey, channels: key.channels, issuedAt: at } });
  }

  private deleteBillingKey(billingKey: string): Answer {
    const key = this.books.billingKeys[billingKey];
    if (!key) return error(404, "BILLING_KEY_NOT_FOUND", "빌링키가 존재하지 않습니다.");
    if (key.status === "DELETED") return error(409, "BILLING_KEY_ALREADY_DELETED", "빌링키가 이미 삭제되었습니다.");
    const at = this.now().toISOString();
    this.books.billingKeys[billingKey] = { ...key, status: "DELETED", deletedAt: at };
    saveBooks(this.opts.stateFile ?? null, this.books);
    this.emit("BillingKey.Deleted", { billingKey, storeId: this.opts.storeId });
    return ok({ deletedAt: at });
  }

  private pay(paymentId: string, body: Record<string, unknown>): Answer {
    const key = this.books.billingKeys[String(body.billingKey ?? "")];
    if (!key) return error(404, "BILLING_KEY_NOT_FOUND", "빌링키가 존재하지 않습니다.");
    if (key.status === "DELETED") return error(409, "BILLING_KEY_ALREADY_DELETED", "빌링키가 이미 삭제되었습니다.");
    const existing = this.books.payments[paymentId];
    if (existing && existing.status !== "FAILED") return error(409, "ALREADY_PAID", "결제가 이미 완료되었습니다.");
    const amount = body.amount as { total?: unknown } | undefined;
    const total = typeof amount?.total === "number" && Number.isInteger(amount.total) && amount.total > 0 ? amount.total : null;
    if (total === null || typeof body.currency !== "string" || typeof body.orderName !== "string")
      return error(400, "INVALID_REQUEST", "amount, currency and orderName are required");
    const at = this.now().toISOString();
    const vat = body.currency === "KRW" ? vatIncluded(total) : 0;
    const base: StandInPayment = {
      status: "PAID",
      id: paymentId,
      transactionId: newId("tx"),
      merchantId: key.merchantId,
      storeId: this.opts.storeId,
      method: { type: "PaymentMethodCard", card: key.methods[0]?.card ?? {} },
      channel: standInChannel(),
      version: "V2",
      billingKey: key.billingKey,
      requestedAt: existing?.requestedAt ?? at,
      updatedAt: at,
      statusChangedAt: at,
      orderName: body.orderName,
      amount: { total, taxFree: 0, vat, supply: total - vat, discount: 0, paid: 0, cancelled: 0, cancelledTaxFree: 0 },
      currency: body.currency,
      customer: (body.customer ?? {}) as { id?: string; email?: string },
      ...(typeof body.customData === "string" ? { customData: body.customData } : {}),
      disputes: [],
      cancellations: [],
    };
    if (key.declines || this.declineNext > 0) {
      if (this.declineNext > 0) this.declineNext--;
      const failure = { reason: "카드 한도 초과", pgCode: "LIMIT_EXCEEDED", pgMessage: "카드 한도가 초과되었습니다." };
      this.changed({ ...base, status: "FAILED", failedAt: at, failure }, "Transaction.Failed");
      return error(400, "PG_PROVIDER", "PG사에서 결제를 거절했습니다.", { pgCode: failure.pgCode, pgMessage: failure.pgMessage });
    }
    const pgTxId = newId("pg");
    this.changed({ ...base, amount: { ...base.amount, paid: total }, paidAt: at, pgTxId }, "Transaction.Paid");
    return ok({ payment: { pgTxId, paidAt: at } });
  }

  private cancel(paymentId: string, body: Record<string, unknown>): Answer {
    const p = this.books.payments[paymentId];
    if (!p) return error(404, "PAYMENT_NOT_FOUND", "결제 건이 존재하지 않습니다.");
    if (p.status === "FAILED") return error(409, "PAYMENT_NOT_PAID", "결제가 완료되지 않았습니다.");
    if (p.status === "CANCELLED") return error(409, "PAYMENT_ALREADY_CANCELLED", "결제가 이미 취소되었습니다.");
    const cancellable = p.amount.paid - p.amount.cancelled;
    const amount = body.amount === undefined ? cancellable : body.amount;
    if (typeof amount !== "number" || !Number.isInteger(amount) || amount <= 0) return error(400, "INVALID_REQUEST", "amount must be a positive integer");
    if (amount > cancellable) return error(400, "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT", "취소 금액이 취소 가능 금액을 초과합니다.");
    const at = this.now().toISOString();
    const cancellation = {
      status: "SUCCEEDED" as const,
      id: newId("cancel"),
      totalAmount: amount,
      taxFreeAmount: 0,
      vatAmount: vatIncluded(amount),
      reason: String(body.reason ?? ""),
      cancelledAt: at,
      requestedAt: at,
    };
    const cancelled = p.amount.cancelled + amount;
    const status = cancelled >= p.amount.paid ? "CANCELLED" : "PARTIAL_CANCELLED";
    this.changed(
      {
        ...p,
        status,
        updatedAt: at,
        statusChangedAt: at,
        cancelledAt: at,
        amount: { ...p.amount, cancelled },
        cancellations: [...p.cancellations, cancellation],
      },
      status === "CANCELLED" ? "Transaction.Cancelled" : "Transaction.PartialCancelled",
      { cancellationId: cancellation.id },
    );
    return ok({ cancellation });
  }
}

function standInChannel() {
  return { type: "TEST", id: "channel-standin", key: "channel-key-standin", name: "Masthead stand-in", pgProvider: "TOSSPAYMENTS", pgMerchantId: "standin" };
}

function stripStandIn(key: StandInBillingKey): Omit<StandInBillingKey, "declines"> {
  const rest: StandInBillingKey = { ...key };
  delete rest.declines;
  return rest;
}
