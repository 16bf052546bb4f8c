// Signed Stripe deliveries for the soak: demo-checkout histories (checkout, renewal, cancel) of
// members whose cookies the readers never use, in order per member, with one in ten redelivered —
// the endpoint's real work (signature, ledger, ordering rule, grants) at a steady trickle.
import Stripe from "stripe";
import { demoCancel, demoCheckout, demoRenewal, type DemoEvent } from "@/lib/billing/demo/events";
import { DAY_MS } from "@/lib/billing/ledger/subscription-grant";

export type SoakWebhooks = { next: () => { body: string; signature: string; duplicate: boolean }; total: number };

export function soakWebhooks(memberIds: number[], secret: string, now: Date): SoakWebhooks {
  const bodies: string[] = [];
  memberIds.forEach((id, i) => {
    const start = new Date(now.getTime() - 60 * DAY_MS + i * 60_000);
    const bought = demoCheckout(
      { member: { id, email: `soak-${id}@example.com` }, tierKey: i % 2 ? "premium" : "supporter", interval: "month", amount: 12900, currency: "krw" },
      start,
    );
    const renewed = demoRenewal(bought.state, new Date(bought.state.periodEnd * 1000));
    const events: DemoEvent[] = [...bought.events, ...renewed.events, ...demoCancel(renewed.state, new Date(start.getTime() + 40 * DAY_MS)).events];
    for (const e of events) bodies.push(JSON.stringify(e));
  });
  let sent = 0;
  let count = 0;
  return {
    total: bodies.length,
    next: () => {
      // Every tenth delivery repeats one already sent; past the end, all are repeats (still 200).
      count++;
      const duplicate = sent > 0 && (sent >= bodies.length || count % 10 === 0);
      const body = duplicate ? bodies[(count * 7919) % sent] : bodies[sent++];
      const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: Math.floor(Date.now() / 1000) });
      return { body, signature, duplicate };
    },
  };
}
