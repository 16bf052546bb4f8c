import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listDeliveriesOf } from "@/db/queries/email";
import { ensureMember } from "@/db/queries/members";
import { getPortOneSubscription } from "@/db/queries/portone";
import { portoneSubscriptions } from "@/db/schema";
import { DAY_MS } from "@/lib/billing/ledger/subscription-grant";
import { announcePriceChange } from "@/lib/billing/portone/price-change";
import { runRenewals } from "@/lib/billing/portone/renewal";
import { cliActor } from "@/lib/studio/audit";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { closePortOneSuite, GRACE_MS, openPortOneSuite, parkRenewals, subscribe, type PortOneHarness } from "./helpers/portone";

// Korean law: a price rise reaches existing subscribers only after a notice 30 days ahead. The
// notice goes out through the email queue; renewals charge the new price only for periods that
// start after it took effect and at least 30 days after that subscriber was told.

const T = new Date("2027-01-05T00:00:00Z");
const daysAfter = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

describe.each(databaseKinds())("PortOne price changes on %s", (kind) => {
  let t: TestDatabase;
  let h: PortOneHarness;
  let dataId = 0;
  beforeAll(async () => {
    ({ t, h, dataId } = await openPortOneSuite(kind, T));
  });
  afterAll(() => closePortOneSuite({ t, h }));
  beforeEach(() => parkRenewals(t.db));

  const actor = cliActor("test", null);
  // Every change here is to the data publication's monthly price.
  const announce = (tierSlug: string, newAmount: number, effectiveAt: Date, at: Date) =>
    announcePriceChange(t.db, actor, { publicationId: dataId, tierSlug, interval: "monthly", newAmount, effectiveAt }, at);
  const renew = (at: Date) => runRenewals(t.db, { api: h.api, owner: "test", pastDueGraceMs: GRACE_MS, periodSeconds: null }, at);
  const charged = (subId: string) =>
    Object.values(h.standIn.books.payments)
      .filter((p) => p.id.startsWith(subId))
      .map((p) => p.amount.total);

  it("refuses a change announced less than 30 days ahead, or below ₩100", async () => {
    await expect(announce("premium", 9900, daysAfter(T, 29), T)).rejects.toMatchObject({ code: "invalid:price_change" });
    await expect(announce("premium", 99, daysAfter(T, 40), T)).rejects.toMatchObject({ code: "invalid:price_change" });
    await expect(announce("free", 9900, daysAfter(T, 40), T)).rejects.toMatchObject({ code: "invalid:tier" });
  });

  it("tells each subscriber by email, then charges the new price only from the first period after 30 days' notice", async () => {
    const m = await ensureMember(t.db, `price-${kind}-${randomBytes(3).toString("hex")}@example.com`);
    const { outcome } = await subscribe(t.db, h, m, { publicationId: dataId, tier: "premium" }, T);
    if (!outcome.ok) throw new Error(outcome.message);
    const subId = outcome.subscriptionId;
    // Announced on Jan 10, effective Feb 9: the Feb 5 renewal keeps the old price, Mar 5 the new.
    const announced = daysAfter(T, 5);
    const r = await announce("premium", 9900, daysAfter(announced, 30), announced);
    expect(r.notified).toBeGreaterThanOrEqual(1);
    const notices = await listDeliveriesOf(t.db, { memberId: m.id, kind: "price_change" });
    expect(notices).toHaveLength(1);
    expect(notices[0].payload).toMatchObject({ oldAmount: 7900, newAmount: 9900, currency: "krw" });

    let sub = (await getPortOneSubscription(t.db, subId))!;
    await t.db.update(portoneSubscriptions).set({ nextChargeAt: sub.periodEnd });
    expect(await renew(new Date(sub.periodEnd!.getTime() + 1000))).toMatchObject({ paid: 1 });
    sub = (await getPortOneSubscription(t.db, subId))!;
    expect(await renew(new Date(sub.periodEnd!.getTime() + 1000))).toMatchObject({ paid: 1 });
    expect(charged(subId)).toEqual([7900, 7900, 9900]);
    expect(await getPortOneSubscription(t.db, subId)).toMatchObject({ amount: 9900, periodIndex: 3, status: "active" });
  });
});
