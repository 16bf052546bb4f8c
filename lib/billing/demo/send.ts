import "server-only";
import { signDemoEvent, type DemoEvent } from "./events";
import { getWebhookSecret } from "../stripe/webhook-secret";

/**
 * Posts demo events, in order, to the webhook URL (e.g. `${siteUrl()}/api/stripe/webhook`), signed
 * with the webhook secret, exactly as Stripe would deliver them. Returns each response status; the
 * caller decides whether a non-200 is worth showing (the webhook answers 500 only when it failed).
 */
export async function deliverDemoEvents(
  url: string,
  events: readonly DemoEvent[],
  opts: { secret?: string; now?: () => Date; fetchImpl?: typeof fetch } = {},
): Promise<number[]> {
  const secret = opts.secret ?? getWebhookSecret();
  const post = opts.fetchImpl ?? fetch;
  const statuses: number[] = [];
  for (const event of events) {
    const { payload, signature } = signDemoEvent(event, secret, opts.now?.() ?? new Date());
    const res = await post(url, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
      cache: "no-store",
    });
    await res.body?.cancel();
    statuses.push(res.status);
  }
  return statuses;
}
