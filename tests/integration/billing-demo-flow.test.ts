import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSubscription } from "@/db/queries/billing";
import { ensureMember, getMemberById, listGrants } from "@/db/queries/members";
import { listTiers } from "@/db/queries/taxonomy";
import { resolveEffectiveAccess } from "@/lib/access";
import type { DemoEvent } from "@/lib/billing/demo/events";
import { completeDemoCheckout, demoSubscriptionId, runDemoPortalAction, type DemoDeps } from "@/lib/billing/demo/flow";
import { newDemoIntent } from "@/lib/billing/demo/intent";
import { deliverDemoEvents } from "@/lib/billing/demo/send";
import { listDemoSubscriptions } from "@/lib/billing/demo/state";
import { handleStripeWebhook } from "@/lib/billing/stripe/webhook";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { GRACE_MS, openTiersDatabase, SECRET } from "./helpers/stripe-webhook";
import { withPrimaryPublication } from "./helpers/suites";

// The demo checkout and demo portal as the app runs them, minus the browser: intent → signed
// events → the real webhook core → grants; the portal state is read back from what was stored.

describe.each(databaseKinds())("demo checkout and portal on %s", (kind) => {
  // The plans bought here are the primary publication's (its pricing page).
  let t: TestDatabase, pub: number;
  beforeAll(async () => {
    ({ t, pub } = await withPrimaryPublication(openTiersDatabase(kind)));
  });
  afterAll(async () => t?.close());

  const statuses: number[][] = [];
  const fetchImpl: typeof fetch = async (_url, init) => {
    const r = await handleStripeWebhook(t.db, String(init?.body), new Headers(init?.headers).get("stripe-signature"), SECRET, new Date(), {
      pastDueGraceMs: GRACE_MS,
    });
    return Response.json(r.body, { status: r.status });
  };
  const deps = (periodSeconds: number | null = null): DemoDeps => ({
    periodSeconds,
    deliver: async (events: readonly DemoEvent[]) => {
      statuses.push(await deliverDemoEvents("http://localhost/api/stripe/webhook", events, { secret: SECRET, fetchImpl }));
    },
  });
  const member = async (label: string) => ensureMember(t.db, `${label}-${kind}-${Date.now()}@example.com`);
  const fresh = async (id: number) => (await getMemberById(t.db, id))!;
  const tierAt = async (memberId: number, at: Date) =>
    // The member's tier in the primary publication: its tiers, and the grants made in it.
    resolveEffectiveAccess({
      grants: (await listGrants(t.db, memberId)).filter((g) => g.publicationId === pub),
      tiers: await listTiers(t.db, pub),
      now: at,
      signedIn: true,
    }).tier.slug;

  it("pays once per intent, then cancels at period end, resumes and refunds through the webhook", async () => {
    const m = await member("flow");
    const now = new Date();
    const intent = newDemoIntent({ memberId: m.id, publicationId: pub, tier: "premium", interval: "monthly" }, now);
    expect(await completeDemoCheckout(t.db, m, intent, deps(), now)).toMatchObject({ alreadyPaid: false, tierSlug: "premium" });
    expect(statuses.at(-1)).toEqual([200, 200, 200, 200]);
    expect(await tierAt(m.id, new Date())).toBe("premium");
    // The same intent again (double click, back button): still one subscription, nothing sent.
    const sent = statuses.length;
    expect(await completeDemoCheckout(t.db, await fresh(m.id), intent, deps(), new Date())).toMatchObject({ alreadyPaid: true });
    expect(statuses.length).toBe(sent);

    const subId = demoSubscriptionId(intent);
    const [view] = await listDemoSubscriptions(t.db, await fresh(m.id), new Date());
    expect(view).toMatchObject({
      status: "active",
      cancelAtPeriodEnd: false,
      actions: { cancel: true, resume: false, refund: true },
      state: { subscriptionId: subId, amount: 12900 },
    });
    const periodEnd = new Date(view.state.periodEnd * 1000);

    // Cancel and resume within the same second must still apply in that order.
    await runDemoPortalAction(t.db, await fresh(m.id), subId, "cancel", deps(), new Date());
    expect((await getSubscription(t.db, subId))?.cancelAtPeriodEnd).toBe(true);
    expect(await tierAt(m.id, new Date(periodEnd.getTime() - 1))).toBe("premium");
    expect(await tierAt(m.id, periodEnd)).toBe("free");
    await runDemoPortalAction(t.db, await fresh(m.id), subId, "resume", deps(), new Date());
    expect((await listDemoSubscriptions(t.db, await fresh(m.id), new Date()))[0]).toMatchObject({
      cancelAtPeriodEnd: false,
      actions: { cancel: true, resume: false },
    });
    await expect(runDemoPortalAction(t.db, await fresh(m.id), subId, "resume", deps(), new Date())).rejects.toMatchObject({ code: "conflict:subscription" });

    await runDemoPortalAction(t.db, await fresh(m.id), subId, "refund", deps(), new Date());
    expect(await tierAt(m.id, new Date())).toBe("free");
    expect((await listGrants(t.db, m.id)).map((g) => g.revokedReason)).toEqual(["stripe:refunded"]);
    expect((await listDemoSubscriptions(t.db, await fresh(m.id), new Date()))[0]).toMatchObject({
      status: "canceled",
      refunded: true,
      actions: { cancel: false, resume: false, refund: false },
    });
  });

  it("refuses another member's intent and another member's subscription", async () => {
    const owner = await member("owner");
    const other = await member("other");
    const intent = newDemoIntent({ memberId: owner.id, publicationId: pub, tier: "supporter", interval: "yearly" }, new Date());
    await expect(completeDemoCheckout(t.db, other, intent, deps(), new Date())).rejects.toMatchObject({ code: "forbidden:checkout" });
    await completeDemoCheckout(t.db, owner, intent, deps(), new Date());
    await expect(runDemoPortalAction(t.db, other, demoSubscriptionId(intent), "refund", deps(), new Date())).rejects.toMatchObject({
      code: "not_found:subscription",
    });
    expect(await tierAt(owner.id, new Date())).toBe("supporter");
  });

  it("a plan without a price for the interval is refused before anything is sent", async () => {
    const m = await member("noprice");
    const sent = statuses.length;
    await expect(
      completeDemoCheckout(t.db, m, newDemoIntent({ memberId: m.id, publicationId: pub, tier: "free", interval: "monthly" }, new Date()), deps(), new Date()),
    ).rejects.toMatchObject({ code: "invalid:checkout" });
    expect(statuses.length).toBe(sent);
  });

  it("honours the test-only period length and reuses the member's customer on a second checkout", async () => {
    const m = await member("short");
    const now = new Date();
    await completeDemoCheckout(t.db, m, newDemoIntent({ memberId: m.id, publicationId: pub, tier: "supporter", interval: "monthly" }, now), deps(30), now);
    const [first] = await listDemoSubscriptions(t.db, await fresh(m.id), now);
    expect(first.state.periodEnd - first.state.periodStart).toBe(30);
    const customer = (await fresh(m.id)).stripeCustomerId;
    expect(customer).toMatch(/^cus_demo/);
    await completeDemoCheckout(
      t.db,
      await fresh(m.id),
      newDemoIntent({ memberId: m.id, publicationId: pub, tier: "premium", interval: "monthly" }, now),
      deps(),
      now,
    );
    const views = await listDemoSubscriptions(t.db, await fresh(m.id), now);
    expect(views).toHaveLength(2);
    expect(new Set(views.map((v) => v.state.customerId))).toEqual(new Set([customer]));
  });
});
