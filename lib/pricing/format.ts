// Prices are stored in the currency's smallest unit, as Stripe counts them; KRW has none.
const zeroDecimal = new Set(["krw", "jpy", "vnd", "clp", "isk", "ugx", "xaf", "xof"]);

export function formatPrice(amount: number, currency: string, locale: "ko" | "en"): string {
  const code = currency.toUpperCase();
  const value = zeroDecimal.has(currency.toLowerCase()) ? amount : amount / 100;
  return new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-US", {
    style: "currency",
    currency: code,
    maximumFractionDigits: zeroDecimal.has(currency.toLowerCase()) ? 0 : 2,
  }).format(value);
}

// Months of a yearly plan that are free compared with paying monthly (for the plan cards).
export function yearlySavingMonths(monthly: number, yearly: number): number {
  if (monthly <= 0) return 0;
  return Math.max(0, Math.floor((monthly * 12 - yearly) / monthly));
}
