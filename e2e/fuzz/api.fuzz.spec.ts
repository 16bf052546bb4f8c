import { createHmac } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { ADMIN_API_TOKEN } from "../support/auth";
import { createPiece, deletePiece, uniq } from "../studio-support";
import { contentType, emailLike, jsonValue, method, nastyString, pathSegment, queryString, rawBody } from "./support/arbitraries";
import { fuzz } from "./support/fuzz";
import { assertClean, secrets, seen } from "./support/oracles";

// Every route handler under app/api with random methods, path parameters, queries, content types
// and bodies, signed out, with bogus credentials and with the real Admin API token.

// Ids that exist in the seeded database are left out of destructive calls: the fuzzer must not
// revoke the seeded members' grants or delete pieces other specs read.
const nonexistentId = fc.oneof(
  pathSegment.filter((s) => !/^\d{1,6}$/.test(s)),
  fc.constantFrom("99999999", "-1", "0", "1e3", "0x10", "9".repeat(30), "1.5", "NaN"),
);

type Target = { method: string; path: string };
const targets = (slug: string, pieceId: number): fc.Arbitrary<Target> =>
  fc.oneof(
    fc.tuple(method, queryString).map(([m, q]) => ({ method: m === "DELETE" ? "GET" : m, path: `/api/admin/v1/articles?${q}` })),
    fc.tuple(fc.constantFrom("GET", "PATCH"), fc.constant(String(pieceId))).map(([m, id]) => ({ method: m, path: `/api/admin/v1/articles/${id}` })),
    fc.tuple(method, nonexistentId).map(([m, id]) => ({ method: m, path: `/api/admin/v1/articles/${id}` })),
    fc
      .tuple(fc.constantFrom("GET", "POST"), emailLike)
      .map(([m, e]) => ({ method: m, path: `/api/admin/v1/members?email=${encodeURIComponent(e.replace(/[\ud800-\udfff]/g, ""))}` })),
    fc.tuple(method, emailLike).map(([m, e]) => ({ method: m, path: `/api/admin/v1/members/${encodeURIComponent(e.replace(/[\ud800-\udfff]/g, ""))}/grants` })),
    fc.tuple(method, nonexistentId).map(([m, id]) => ({ method: m, path: `/api/admin/v1/grants/${id}` })),
    fc.tuple(method, fc.oneof(fc.constant(slug), pathSegment), queryString).map(([m, s, q]) => ({ method: m, path: `/api/articles/${s}/comments?${q}` })),
    fc
      .tuple(fc.constantFrom("PATCH", "DELETE", "POST"), fc.oneof(fc.constant(slug), pathSegment), nonexistentId)
      .map(([m, s, id]) => ({ method: m, path: `/api/articles/${s}/comments/${id}` })),
    fc
      .tuple(fc.constantFrom("POST", "GET"), fc.oneof(fc.constant(slug), pathSegment), nonexistentId)
      .map(([m, s, id]) => ({ method: m, path: `/api/articles/${s}/comments/${id}/report` })),
    fc.tuple(method, pathSegment).map(([m, s]) => ({ method: m, path: `/api/og/${s}` })),
    method.map((m) => ({ method: m, path: "/api/og/site/logo" })),
    fc.tuple(method, pathSegment, fc.constantFrom(".xml", ".rss", "", ".XML")).map(([m, s, ext]) => ({ method: m, path: `/api/feeds/private/${s}${ext}` })),
    fc.tuple(method, pathSegment).map(([m, s]) => ({ method: m, path: `/api/admin/uploads/${s}` })),
    fc.constantFrom(
      ...[
        "/api/me",
        "/api/health",
        "/api/session/refresh",
        "/api/signin/precheck",
        "/api/billing/checkout",
        "/api/billing/portal",
        "/api/admin/internal/revalidate",
        "/api/admin/studio/import",
        "/api/admin/studio/uploads",
        "/api/edge/tier",
      ].flatMap((path) => ["GET", "POST", "PUT", "DELETE", "OPTIONS"].map((m) => ({ method: m, path }))),
    ),
    fc
      .tuple(
        fc.constantFrom("GET", "POST"),
        fc.constantFrom("session", "csrf", "providers", "signin", "signin/email", "callback/email", "signout", "error", "verify-request", "_log"),
        queryString,
      )
      .map(([m, p, q]) => ({ method: m, path: `/api/auth/${p}?${q}` })),
    fc.tuple(method, pathSegment).map(([m, s]) => ({ method: m, path: `/api/${s}` })),
  );

const credentials = fc.constantFrom<Record<string, string>>(
  {},
  { Authorization: `Bearer ${ADMIN_API_TOKEN}` },
  { Authorization: "Bearer " },
  { Authorization: `Bearer ${ADMIN_API_TOKEN}x` },
  { Authorization: `Basic ${Buffer.from("admin:admin").toString("base64")}` },
  { Authorization: `Bearer ${"A".repeat(4000)}` },
  { Authorization: `bearer ${ADMIN_API_TOKEN.toUpperCase()}` },
  { "x-masthead-internal": "guess" },
  { Origin: "http://evil.example" },
);

async function send(request: APIRequestContext, t: Target, headers: Record<string, string>, body?: Buffer) {
  return request.fetch(t.path, {
    method: t.method,
    headers,
    data: body && t.method !== "GET" && t.method !== "HEAD" ? body : undefined,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 30_000,
  });
}

let piece: { id: number; slug: string };

test.describe("fuzz: API routes", () => {
  test.beforeAll(async ({ request }) => {
    // The fuzzer's own piece: PATCHes with random bodies may land on it, never on seeded ones.
    piece = await createPiece(request, {
      title: uniq("fuzz target"),
      body: "Fuzz target.\n\n<!-- paywall -->\n\nGated fuzz text.",
      access: "premium",
      status: "draft",
    });
  });
  test.afterAll(async ({ request }) => deletePiece(request, piece.id));

  test("random method, path, query, credentials, content type and body on every route", async ({ request }) => {
    test.setTimeout(170_000);
    const input = fc.record({ target: targets("ai-regulation-compliance-checklist", piece.id), creds: credentials, type: contentType, body: rawBody });
    await fuzz(
      "api",
      input,
      async ({ target, creds, type, body }) => {
        const headers = { ...creds, ...(type ? { "Content-Type": type } : {}) };
        const res = await send(request, target, headers, body);
        assertClean(
          await seen(
            `${target.method} ${target.path} ${JSON.stringify(creds).slice(0, 80)} ${type} body=${JSON.stringify(body.toString("latin1").slice(0, 120))}`,
            res,
          ),
        );
      },
      500,
    );
  });

  test("the Admin API answers random JSON fields with a 4xx and a message, never 5xx", async ({ request }) => {
    test.setTimeout(120_000);
    const articleFields = fc.record(
      {
        title: nastyString(80),
        slug: fc.oneof(nastyString(40), fc.stringMatching(/^[a-z0-9-]{1,40}$/)),
        dek: fc.oneof(fc.array(nastyString(40), { maxLength: 3 }), jsonValue),
        body: fc.oneof(nastyString(200), fc.constant("a\n<!-- paywall -->\n".repeat(50))),
        locale: fc.oneof(fc.constantFrom("ko", "en", "KO", ""), jsonValue),
        access: fc.oneof(fc.constantFrom("public", "free", "supporter", "premium", "nope", ""), jsonValue),
        status: fc.constantFrom("draft", "scheduled", "nope"),
        publishAt: fc.oneof(fc.constantFrom("2026-13-40T99:99:99Z", "not a date", "1970-01-01T00:00:00Z", "275760-09-13T00:00:00Z", ""), jsonValue),
        unlockAt: fc.oneof(fc.constantFrom("2026-13-40", "-1"), jsonValue),
        authorEmail: emailLike,
        section: nastyString(20),
        tags: fc.oneof(fc.array(nastyString(20), { maxLength: 5 }), jsonValue),
      },
      { requiredKeys: [] },
    );
    const grantFields = fc.record(
      {
        tier: fc.oneof(fc.constantFrom("premium", "supporter", "free", "admin"), nastyString(20)),
        startsAt: jsonValue,
        endsAt: fc.oneof(fc.constantFrom(null, "2026-01-01", "garbage"), jsonValue),
        note: nastyString(100),
      },
      { requiredKeys: [] },
    );
    const auth = { Authorization: `Bearer ${ADMIN_API_TOKEN}` };
    await fuzz(
      "admin api json",
      fc.oneof(
        articleFields.map((data) => ({ method: "POST", path: "/api/admin/v1/articles", data })),
        articleFields.map((data) => ({ method: "PATCH", path: `/api/admin/v1/articles/${piece.id}`, data: { ...data, status: "draft" } })),
        fc.tuple(emailLike, grantFields).map(([email, data]) => ({
          method: "POST",
          path: `/api/admin/v1/members/${encodeURIComponent(email.replace(/[\ud800-\udfff]/g, ""))}/grants`,
          data,
        })),
      ),
      async (t) => {
        const res = await request.fetch(t.path, { method: t.method, headers: auth, data: t.data, failOnStatusCode: false });
        const s = await seen(`${t.method} ${t.path} ${JSON.stringify(t.data).slice(0, 300)}`, res);
        assertClean(s, { allowSecrets: [] });
        if (s.status >= 400) expect(JSON.parse(s.body).error?.message, s.label).toBeTruthy();
      },
      200,
    );
  });

  test("Stripe webhook: bad signatures and validly signed garbage are 4xx, never 5xx", async ({ request }) => {
    test.setTimeout(90_000);
    // Reading the webhook secret makes the server create it if it had not yet.
    await request.post("/api/stripe/webhook", { data: "{}", failOnStatusCode: false });
    const whsec = secrets().find((s) => s.name === "STRIPE_WEBHOOK_SECRET")?.value;
    expect(whsec, "webhook secret file in the e2e data folder").toBeTruthy();
    const sign = (body: Buffer, t: number) => `t=${t},v1=${createHmac("sha256", whsec!).update(`${t}.`).update(body).digest("hex")}`;
    const event = fc.record(
      {
        id: nastyString(30),
        object: fc.constantFrom("event", "nope"),
        type: fc.constantFrom(
          "checkout.session.completed",
          "customer.subscription.updated",
          "customer.subscription.deleted",
          "invoice.paid",
          "invoice.payment_failed",
          "charge.refunded",
          "unknown.type",
        ),
        livemode: fc.boolean(),
        created: fc.oneof(fc.integer(), jsonValue),
        data: fc.oneof(fc.record({ object: jsonValue }), jsonValue),
      },
      { requiredKeys: [] },
    );
    const signature = fc.oneof(
      fc.constant("valid"),
      fc.constantFrom(
        "",
        "t=1,v1=00",
        "v1=abc",
        "t=abc,v1=def",
        "t=,v1=",
        `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
        "t=1".repeat(1000),
        "garbage",
      ),
    );
    await fuzz(
      "stripe webhook",
      fc.record({
        body: fc.oneof(
          event.map((e) => Buffer.from(JSON.stringify(e))),
          rawBody,
        ),
        signature,
      }),
      async ({ body, signature: sig }) => {
        const header = sig === "valid" ? sign(body, Math.floor(Date.now() / 1000)) : sig;
        const res = await request.post("/api/stripe/webhook", {
          headers: { "Stripe-Signature": header, "Content-Type": "application/json" },
          data: body,
          failOnStatusCode: false,
        });
        const s = await seen(`POST webhook sig=${sig} body=${JSON.stringify(body.toString("latin1").slice(0, 300))}`, res);
        assertClean(s);
        expect(s.status, s.label).toBeLessThan(500);
        if (sig !== "valid") expect(s.status, s.label).toBe(400);
      },
      150,
    );
  });

  test("huge bodies (several MB) and wrong content types on every write route", async ({ request }) => {
    test.setTimeout(120_000);
    const big = Buffer.alloc(6 * 1024 * 1024, 0x61);
    const bigJson = Buffer.from(JSON.stringify({ body: "x".repeat(5 * 1024 * 1024), email: "a@b.c" }));
    const writes = [
      "/api/admin/v1/articles",
      `/api/admin/v1/articles/${piece.id}`,
      "/api/admin/v1/members/fuzz%40example.com/grants",
      "/api/articles/ai-regulation-compliance-checklist/comments",
      "/api/signin/precheck",
      "/api/session/refresh",
      "/api/billing/checkout",
      "/api/billing/portal",
      "/api/stripe/webhook",
      "/api/admin/internal/revalidate",
      "/api/admin/studio/import",
      "/api/admin/studio/uploads",
      "/api/auth/signin/email",
    ];
    for (const path of writes) {
      for (const [type, body] of [
        ["application/json", bigJson],
        ["text/plain", big],
        ["multipart/form-data; boundary=x", big],
        ["application/x-www-form-urlencoded", big],
      ] as const) {
        const method = path.endsWith(`/${piece.id}`) ? "PATCH" : "POST";
        const res = await request
          .fetch(path, {
            method,
            headers: { "Content-Type": type, Authorization: `Bearer ${ADMIN_API_TOKEN}` },
            data: body,
            failOnStatusCode: false,
            timeout: 60_000,
          })
          .catch((err: Error) => err);
        // The server may cut an oversized upload short by closing the connection; that is a refusal.
        if (res instanceof Error) {
          expect(res.message, `${method} ${path} ${type}`).toMatch(/socket hang up|ECONNRESET|EPIPE/);
          continue;
        }
        assertClean(await seen(`${method} ${path} ${type} ${body.length} bytes`, res));
      }
    }
  });
});

test.describe("fuzz regressions: API", () => {
  // Found by the fuzzer: the route decoded the already-decoded {email} segment a second time.
  test("a grant for an address with a literal % is a 422, and %2540 is not read as @", async ({ request }) => {
    const auth = { Authorization: `Bearer ${ADMIN_API_TOKEN}` };
    for (const segment of ["%25a.a%40a.aa", "fuzz%2540example.com"]) {
      const res = await request.post(`/api/admin/v1/members/${segment}/grants`, { headers: auth, data: { tier: "supporter", endsAt: null } });
      const s = await seen(`POST grants ${segment}`, res);
      assertClean(s);
      expect(s.status, s.body).toBe(422);
    }
  });

  // next-auth 4.24 parses a POST body labelled application/json and answered an empty 500 when it
  // did not parse (empty or "{"); the route's POST wrapper now answers 400 first.
  test("POST /api/auth/* with a JSON content type and an unparsable body is a 4xx", async ({ request }) => {
    for (const action of ["session", "csrf", "signin/email", "callback/email", "signout", "_log"]) {
      for (const body of [Buffer.alloc(0), Buffer.from("{")]) {
        const res = await request.post(`/api/auth/${action}`, { headers: { "Content-Type": "application/json" }, data: body });
        assertClean(await seen(`POST /api/auth/${action} ${JSON.stringify(body.toString())}`, res));
      }
    }
  });
});
