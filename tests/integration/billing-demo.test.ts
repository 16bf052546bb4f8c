import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMember, listGrants } from "@/db/queries/members";
import { listTiers } from "@/db/queries/taxonomy";
import { resolveEffectiveAccess } from "@/lib/access";
import { demoCancel, demoCheckout, demoRefund, demoRenewal, type DemoEvent } from "@/lib/billing/demo/events";
import { deliverDemoEvents } from "@/lib/billing/demo/send";
import { handleStripeWebhook } from "@/lib/billing/stripe/webhook";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { GRACE_MS, openTiersDatabase, SECRET } from "./helpers/stripe-webhook";
import { withPrimaryPublication } from "./helpers/suites";

// The demo checkout's events go through the real signature check and handlers, as in production.

describe.each(databaseKinds())("demo checkout events on %s", (kind) => {
  // The tiers (and so the grants) are the primary publication's.
  let t: TestDatabase, pub: number;
  beforeAll(async () => {
    ({ t, pub } = await withPrimaryPublication(openTiersDatabase(kind)));
  });
  afterAll(async () => t?.close());

  // Stands in for the HTTP hop: the same signed body and header reach the webhook core.
  const fetchImpl: typeof fetch = async (_url, init) => {
    const headers = new Headers(init?.headers);
    const r = await handleStripeWebhook(t.db, String(init?.body), headers.get("stripe-signature"), SECRET, new Date(), { pastDueGraceMs: GRACE_MS });
    return Response.json(r.body, { status: r.status });
  };
  const send = (events: DemoEvent[]) => deliverDemoEvents("http://localhost/api/stripe/webhook", events, { secret: SECRET, fetchImpl });
  async function tierAt(memberId: number, at: Date) {
    const inPrimary = (await listGrants(t.db, memberId)).filter((g) => g.publicationId === pub);
    return resolveEffectiveAccess({ grants: inPrimary, tiers: await listTiers(t.db, pub), now: at, signedIn: true }).tier.slug;
  }

  it("checkout → tier until the period end; cancel keeps it until then; refund ends it at once", async () => {
    const member = await ensureMember(t.db, `demo-${kind}@example.com`);
    const start = new Date(Date.now() - 60_000);
    const checkout = demoCheckout({ member, tierKey: "premium", interval: "month", amount: 12900, currency: "krw" }, start);
    expect(await send(checkout.events)).toEqual([200, 200, 200, 200]);
    const end = new Date(checkout.state.periodEnd * 1000);
    expect(await tierAt(member.id, new Date())).toBe("premium");
    expect(await tierAt(member.id, end)).toBe("free");

    const renewal = demoRenewal(checkout.state, new Date(Date.now() - 30_000));
    await send(renewal.events);
    const renewedEnd = new Date(renewal.state.periodEnd * 1000);
    expect(await tierAt(member.id, end)).toBe("premium");

    await send(demoCancel(renewal.state, new Date(Date.now() - 20_000)).events);
    expect(await tierAt(member.id, new Date(renewedEnd.getTime() - 1))).toBe("premium");
    expect(await tierAt(member.id, renewedEnd)).toBe("free");

    await send(demoRefund(renewal.state, new Date(Date.now() - 10_000)).events);
    expect(await tierAt(member.id, new Date())).toBe("free");
    expect((await listGrants(t.db, member.id)).map((g) => g.revokedReason)).toEqual(["stripe:refunded"]);
  });
});
