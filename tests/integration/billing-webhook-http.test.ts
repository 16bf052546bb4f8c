import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMember } from "@/db/queries/members";
import { webhookSecretPath } from "@/lib/billing/stripe/webhook-secret";
import { clearProcessSlot, setProcessSlot } from "@/lib/process-state";
import { handleStripeWebhook, MAX_WEBHOOK_BYTES } from "@/lib/billing/stripe/webhook";
import { POST } from "@/app/api/stripe/webhook/route";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { subscriptionHistory } from "./helpers/stripe-history";
import { GRACE_MS, openTiersDatabase, rowCounts, SECRET, sign, stripeGrantsOf } from "./helpers/stripe-webhook";

// Everything unverifiable is answered 400 before anything is written; the route itself (raw
// body, size cap, secret kept in the data directory) is exercised through its exported POST.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-billing-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.each(databaseKinds())("webhook requests on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTiersDatabase(kind);
  });
  afterAll(async () => t?.close());

  const now = new Date();
  const event = () => subscriptionHistory({ ns: `${kind}http${Date.now()}`, memberId: 1, email: "x@example.com" }).created;
  const call = (body: string, signature: string | null) => handleStripeWebhook(t.db, body, signature, SECRET, now, { pastDueGraceMs: GRACE_MS });

  it.each([
    [
      "a bad signature",
      () => {
        const b = JSON.stringify(event());
        return [b, sign(b, now, "whsec_someone_else")] as const;
      },
    ],
    [
      "a stale timestamp (> 300 s)",
      () => {
        const b = JSON.stringify(event());
        return [b, sign(b, new Date(now.getTime() - 301_000))] as const;
      },
    ],
    ["a missing signature header", () => [JSON.stringify(event()), null] as const],
    ["a body that is not JSON", () => ["not json {", sign("not json {", now)] as const],
    ["JSON that is not an event", () => ['{"hello":"world"}', sign('{"hello":"world"}', now)] as const],
    [
      "an oversized body",
      () => {
        const b = JSON.stringify({ ...event(), pad: "x".repeat(MAX_WEBHOOK_BYTES) });
        return [b, sign(b, now)] as const;
      },
    ],
  ])("answers 400 and writes nothing for %s", async (name, make) => {
    const before = await rowCounts(t.db);
    const [body, signature] = make();
    const res = await call(body, signature);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request:webhook" } });
    if (name.startsWith("a stale")) expect(res.body).toMatchObject({ error: { message: "timestamp outside the tolerance zone" } });
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it("accepts a timestamp just inside the 300 s tolerance", async () => {
    const b = JSON.stringify(event());
    expect((await call(b, sign(b, new Date(now.getTime() - 299_000)))).status).toBe(200);
  });

  it("POST verifies with the secret generated in the data directory and applies the event", async () => {
    process.env.MASTHEAD_DATA_DIR = dataDir;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    delete process.env.STRIPE_SECRET_KEY;
    setProcessSlot("db", Promise.resolve({ db: t.db, kind: t.kind, close: async () => undefined, listen: async () => async () => undefined }));
    try {
      const member = await ensureMember(t.db, `${kind}-route@example.com`);
      const h = subscriptionHistory({ ns: `${kind}route`, memberId: member.id, email: member.email });
      const body = JSON.stringify(h.created);
      const post = (b: string, signature: string) =>
        POST(
          new Request("http://localhost/api/stripe/webhook", {
            method: "POST",
            body: b,
            headers: { "stripe-signature": signature, "content-type": "application/json" },
          }),
        );

      const forged = await post(body, sign(body, new Date(), "whsec_not_ours"));
      expect(forged.status).toBe(400);
      const secret = fs.readFileSync(webhookSecretPath(dataDir), "utf8").trim();
      expect(secret).toMatch(/^whsec_/);

      const ok = await post(body, sign(body, new Date(), secret));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ received: true });
      expect(await stripeGrantsOf(t.db, member.id)).toHaveLength(1);
      expect((await post(body, sign(body, new Date(), secret))).status).toBe(200);

      const huge = "x".repeat(MAX_WEBHOOK_BYTES + 1);
      expect((await post(huge, sign(huge, new Date(), secret))).status).toBe(400);
    } finally {
      clearProcessSlot("db");
    }
  });
});
