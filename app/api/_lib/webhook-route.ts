import { readBodyCapped } from "@/lib/billing/body";
import type { WebhookResponse } from "@/lib/billing/stripe/webhook";

const json = (r: WebhookResponse) => Response.json(r.body, { status: r.status, headers: { "cache-control": "no-store" } });

/**
 * The POST handler of a payment gateway's webhook. Verification needs the raw body, read here
 * with a cap (too large: 400); `handle` verifies and applies it. A throw (database unreachable,
 * unreadable secret…) answers 500 so the gateway retries once we are back.
 */
export function webhookPost(gateway: string, maxBytes: number, handle: (raw: string, req: Request) => Promise<WebhookResponse>) {
  return async function POST(req: Request): Promise<Response> {
    const raw = await readBodyCapped(req, maxBytes);
    if (raw === null) return json({ status: 400, body: { error: { code: "bad_request:webhook", message: "body too large" } } });
    try {
      return json(await handle(raw, req));
    } catch (err) {
      console.error(`[${gateway}] webhook unavailable:`, err instanceof Error ? err.message.slice(0, 200) : typeof err);
      return json({ status: 500, body: { error: { code: "internal:webhook", message: "unavailable; retry later" } } });
    }
  };
}
