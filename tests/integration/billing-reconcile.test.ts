import http from "node:http";
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMember, getGrantBySource, getMemberByEmail } from "@/db/queries/members";
import { listAudit } from "@/db/queries/studio-audit";
import { runStripeReconcile } from "@/lib/billing/stripe/reconcile-command";
import { stripeConfig } from "@/lib/billing/stripe/config";
import { cliActor } from "@/lib/studio/audit";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { eventFixture, merge, subscriptionFixture, type Json, type SubscriptionSpec } from "./helpers/stripe-fixtures";
import { deliver, openTiersDatabase } from "./helpers/stripe-webhook";

// `stripe:reconcile` against a local stand-in for GET /v1/subscriptions (the SDK honours the
// configured API base): it lists exactly the disagreements, changes nothing without --fix, and
// with --fix brings every fixable member in line through the webhook's own code.

const DAY = 86_400;

describe.each(databaseKinds())("stripe:reconcile on %s", (kind) => {
  let t: TestDatabase;
  let server: http.Server;
  let stripe: Stripe;
  let listed: Json[] = [];
  const queries: URLSearchParams[] = [];

  beforeAll(async () => {
    t = await openTiersDatabase(kind);
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      res.setHeader("content-type", "application/json");
      if (req.method === "GET" && url.pathname === "/v1/subscriptions") {
        queries.push(url.searchParams);
        res.end(JSON.stringify({ object: "list", data: listed, has_more: false, url: "/v1/subscriptions" }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `no stand-in for ${req.method} ${url.pathname}` } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    stripe = new Stripe("sk_test_standin", { ...stripeConfig(new URL(`http://127.0.0.1:${address.port}`)), maxNetworkRetries: 0 });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t?.close();
  });

  const now = Math.floor(Date.now() / 1000);
  const ns = `${kind}${randomBytes(3).toString("hex")}`;
  const price = { id: `price_${ns}`, lookupKey: "premium_monthly" };
  const sub = (s: Partial<SubscriptionSpec> & { id: string; memberId?: number }) =>
    subscriptionFixture({
      startDate: now - 10 * DAY,
      periodStart: now - 10 * DAY,
      periodEnd: now + 20 * DAY,
      price,
      customer: `cus_${s.id}`,
      metadata: s.memberId ? { memberId: String(s.memberId) } : {},
      ...s,
    });
  const storeLocally = (object: Json, created = now - 10 * DAY) =>
    deliver(t.db, eventFixture("customer.subscription.updated", object, { id: `evt_${randomBytes(6).toString("hex")}`, created }));
  const run = async (fix: boolean) => {
    const lines: string[] = [];
    const report = await runStripeReconcile({ db: t.db, stripe, actor: cliActor("test"), fix, out: (l) => lines.push(l) });
    return { report, lines, kinds: Object.fromEntries(report.findings.map((f) => [f.subscriptionId, f.kind])) };
  };
  const endOf = async (subId: string) => {
    const g = await getGrantBySource(t.db, "stripe", subId);
    return g ? { tier: g.tierSlug, endsAt: g.endsAt?.getTime() ?? null, revoked: g.revokedAt !== null, memberId: g.memberId } : null;
  };

  it("lists disagreements, fixes them with --fix, and leaves access Stripe does not know alone", async () => {
    const [a, b, c, d] = await Promise.all(["agree", "stale", "missing", "canceled"].map((l) => ensureMember(t.db, `${l}-${ns}@example.com`)));
    const ids = {
      agree: `sub_${ns}_agree`,
      stale: `sub_${ns}_stale`,
      missing: `sub_${ns}_missing`,
      canceled: `sub_${ns}_canceled`,
      email: `sub_${ns}_email`,
      gone: `sub_${ns}_gone`,
      unmapped: `sub_${ns}_unmapped`,
    };

    const agree = sub({ id: ids.agree, memberId: a.id });
    await storeLocally(agree);
    // Here the renewal never arrived: the stored period ends in 5 days, Stripe's in 35.
    await storeLocally(sub({ id: ids.stale, memberId: b.id, periodEnd: now + 5 * DAY }));
    const stale = sub({ id: ids.stale, memberId: b.id, periodStart: now + 5 * DAY - 30 * DAY, periodEnd: now + 35 * DAY });
    const missing = sub({ id: ids.missing, memberId: c.id });
    // Here still active; in Stripe it was canceled an hour ago (the deleted event was lost).
    await storeLocally(sub({ id: ids.canceled, memberId: d.id }));
    const canceled = sub({ id: ids.canceled, memberId: d.id, status: "canceled", canceledAt: now - 3600, endedAt: now - 3600 });
    // Bought through a payment link: no metadata, a customer nobody here knows, with an email.
    const emailAddress = `link-${ns}@example.com`;
    const byEmail = merge(sub({ id: ids.email }), { customer: { id: `cus_${ids.email}`, object: "customer", email: emailAddress } });
    await storeLocally(sub({ id: ids.gone, memberId: a.id }));
    // A price no tier sells: nothing to grant until someone maps it, so it is reported, not fixed.
    const unmapped = sub({ id: ids.unmapped, memberId: c.id, price: { id: `price_${ns}_gold`, lookupKey: "gold_monthly" } });
    listed = [agree, stale, missing, canceled, byEmail, unmapped];

    const before = { stale: await endOf(ids.stale), canceled: await endOf(ids.canceled) };
    const dry = await run(false);
    expect(queries.at(-1)?.get("status")).toBe("all");
    expect(queries.at(-1)?.get("expand[0]")).toBe("data.customer");
    expect(dry.report).toMatchObject({ checked: 6, agree: 1 });
    expect(dry.kinds).toEqual({
      [ids.stale]: "differs",
      [ids.missing]: "missing",
      [ids.canceled]: "differs",
      [ids.email]: "unlinked",
      [ids.unmapped]: "unmapped",
      [ids.gone]: "orphan",
    });
    expect(dry.lines.at(-1)).toContain("--fix");
    // A dry run changes nothing.
    expect({ stale: await endOf(ids.stale), canceled: await endOf(ids.canceled), missing: await endOf(ids.missing) }).toEqual({ ...before, missing: null });

    const fixed = await run(true);
    expect(
      fixed.report.findings
        .filter((f) => !f.fixed)
        .map((f) => f.kind)
        .sort(),
    ).toEqual(["orphan", "unmapped"]);
    expect(await endOf(ids.unmapped)).toBeNull();
    expect(await endOf(ids.stale)).toMatchObject({ tier: "premium", endsAt: (now + 35 * DAY) * 1000, revoked: false, memberId: b.id });
    expect(await endOf(ids.missing)).toMatchObject({ tier: "premium", endsAt: (now + 20 * DAY) * 1000, memberId: c.id });
    expect(await endOf(ids.canceled)).toMatchObject({ endsAt: (now - 3600) * 1000 });
    const linked = await getMemberByEmail(t.db, emailAddress);
    expect(linked?.stripeCustomerId).toBe(`cus_${ids.email}`);
    expect(await endOf(ids.email)).toMatchObject({ tier: "premium", memberId: linked?.id });
    // The orphan is reported with the command to end it, and left as it was.
    expect(fixed.lines.find((l) => l.includes(ids.gone))).toMatch(/NOT IN STRIPE .* revoke \d+/);
    expect(await endOf(ids.gone)).toMatchObject({ revoked: false });
    expect((await listAudit(t.db, { action: "billing.reconcile" }, 20)).map((e) => e.subjectId).sort()).toEqual(
      [ids.canceled, ids.email, ids.missing, ids.stale].sort(),
    );

    const again = await run(false);
    expect(again.report.agree).toBe(5);
    expect(again.kinds).toEqual({ [ids.unmapped]: "unmapped", [ids.gone]: "orphan" });
    expect(again.lines.some((l) => l.includes("--fix"))).toBe(false);
  });
});
