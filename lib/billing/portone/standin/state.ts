import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// The stand-in's books: billing keys and payments in the shapes of the SDK's types
// (IssuedBillingKeyInfo / DeletedBillingKeyInfo, PaidPayment / FailedPayment /
// PartialCancelledPayment / CancelledPayment), optionally kept in a JSON file so the local demo's
// billing keys survive a restart.

export type StandInBillingKey = {
  status: "ISSUED" | "DELETED";
  billingKey: string;
  merchantId: string;
  storeId: string;
  methods: Record<string, unknown>[];
  channels: Record<string, unknown>[];
  customer: { id?: string; email?: string };
  issuedAt: string;
  deletedAt?: string;
  requestedAt?: string;
  /** Stand-in only: this card is declined on every charge (card number 4000 0000 0000 0002). */
  declines?: boolean;
};

export type StandInCancellation = {
  status: "SUCCEEDED";
  id: string;
  totalAmount: number;
  taxFreeAmount: number;
  vatAmount: number;
  reason: string;
  cancelledAt: string;
  requestedAt: string;
};

export type StandInPayment = {
  status: "PAID" | "FAILED" | "PARTIAL_CANCELLED" | "CANCELLED";
  id: string;
  transactionId: string;
  merchantId: string;
  storeId: string;
  method: Record<string, unknown>;
  channel: Record<string, unknown>;
  version: "V2";
  billingKey: string;
  requestedAt: string;
  updatedAt: string;
  statusChangedAt: string;
  orderName: string;
  amount: { total: number; taxFree: number; vat: number; supply: number; discount: number; paid: number; cancelled: number; cancelledTaxFree: number };
  currency: string;
  customer: { id?: string; email?: string };
  customData?: string;
  paidAt?: string;
  pgTxId?: string;
  failedAt?: string;
  failure?: { reason: string; pgCode: string; pgMessage: string };
  cancelledAt?: string;
  disputes: unknown[];
  cancellations: StandInCancellation[];
};

export type StandInBooks = { billingKeys: Record<string, StandInBillingKey>; payments: Record<string, StandInPayment> };

export const newId = (prefix: string) => `${prefix}-${randomBytes(12).toString("hex")}`;

export function loadBooks(file: string | null): StandInBooks {
  if (file && fs.existsSync(file)) {
    try {
      return JSON.parse(fs.readFileSync(file, "utf8")) as StandInBooks;
    } catch {
      // A torn file from a crash: start over (the demo's keys are then unknown and renewals fail over).
    }
  }
  return { billingKeys: {}, payments: {} };
}

export function saveBooks(file: string | null, books: StandInBooks): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(books), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
