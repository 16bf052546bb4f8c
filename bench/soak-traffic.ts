// The soak's load generator: `connections` keep-alive workers, each sending one request after
// another from a weighted mix (anonymous and per-tier readers, search, comment threads and posts,
// signed webhooks). Every answer is checked against what that kind of request must get, and
// latencies are bucketed per window so the section can compare the first window with the last.
import http from "node:http";
import type { ReaderCookie } from "./cookies";
import type { SoakWebhooks } from "./soak-webhooks";

export type SoakKind = "anonymous" | "member" | "search" | "comments" | "comment-post" | "webhook";
export type Sample = { at: number; ms: number; kind: SoakKind; status: number; verdict: "ok" | "limited" | "error"; why?: string };
export type SoakPlan = {
  baseUrl: string;
  connections: number;
  seconds: number;
  slugs: string[]; // public pieces
  gatedPath: string;
  readers: ReaderCookie[]; // every tier, cookies the webhooks never touch
  commenters: ReaderCookie[]; // premium members, rotated (5 comments a minute each)
  commentsPerSecond: number;
  webhooksPerSecond: number;
  webhooks: SoakWebhooks;
};

type Req = { kind: SoakKind; method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string; expect: number[] };

const WORDS = ["경제", "서울", "에너지", "기후", "data", "정책"];

export async function runSoak(plan: SoakPlan, onSample: (s: Sample) => void): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const started = Date.now();
  const until = started + plan.seconds * 1000;
  let n = 0;
  let comments = 0;
  let webhooks = 0;
  // Paced kinds: at most their rate since the start, so a fast server does not exhaust the
  // comment limit or the webhook histories.
  const due = (done: number, perSecond: number) => done < ((Date.now() - started) / 1000) * perSecond;

  const pick = (): Req => {
    const i = n++;
    const html = { accept: "text/html" };
    if (due(webhooks, plan.webhooksPerSecond)) {
      webhooks++;
      const w = plan.webhooks.next();
      return {
        kind: "webhook",
        method: "POST",
        path: "/api/stripe/webhook",
        headers: { "content-type": "application/json", "stripe-signature": w.signature },
        body: w.body,
        expect: [200],
      };
    }
    if (due(comments, plan.commentsPerSecond)) {
      const who = plan.commenters[comments++ % plan.commenters.length];
      const slug = plan.slugs[i % plan.slugs.length];
      return {
        kind: "comment-post",
        method: "POST",
        path: `/api/articles/${slug}/comments`,
        headers: { cookie: who.cookie, "content-type": "application/json", origin: plan.baseUrl },
        body: JSON.stringify({ body: `soak comment ${i}` }),
        expect: [201],
      };
    }
    const reader = plan.readers[i % plan.readers.length];
    const slug = plan.slugs[(i * 7) % plan.slugs.length];
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        return { kind: "anonymous", method: "GET", path: i % 3 ? `/articles/${slug}` : plan.gatedPath, headers: html, expect: [200] };
      case 3:
      case 4:
      case 5:
      case 6:
        return {
          kind: "member",
          method: "GET",
          path: i % 2 ? plan.gatedPath : `/articles/${slug}`,
          headers: { ...html, cookie: reader.cookie },
          expect: [200],
        };
      case 7:
        return {
          kind: "search",
          method: "GET",
          path: `/search?q=${encodeURIComponent(WORDS[i % WORDS.length])}`,
          headers: i % 2 ? { ...html, cookie: reader.cookie } : html,
          expect: [200],
        };
      default:
        return { kind: "comments", method: "GET", path: `/api/articles/${slug}/comments`, headers: i % 2 ? { cookie: reader.cookie } : {}, expect: [200] };
    }
  };

  const send = (r: Req) =>
    new Promise<{ status: number; error?: string }>((resolve) => {
      const req = http.request(new URL(r.path, plan.baseUrl), { method: r.method, agent, headers: r.headers, timeout: 15_000 }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        res.on("error", (e) => resolve({ status: 0, error: e.message }));
      });
      req.on("timeout", () => req.destroy(new Error("timeout after 15 s")));
      req.on("error", (e) => resolve({ status: 0, error: e.message }));
      req.end(r.body);
    });

  await Promise.all(
    Array.from({ length: plan.connections }, async () => {
      while (Date.now() < until) {
        const r = pick();
        const t0 = performance.now();
        const res = await send(r);
        const ms = performance.now() - t0;
        // 429 on a comment post is the product's limit working (counted apart, not an error).
        const verdict = r.expect.includes(res.status) ? "ok" : r.kind === "comment-post" && res.status === 429 ? "limited" : "error";
        onSample({
          at: Date.now(),
          ms,
          kind: r.kind,
          status: res.status,
          verdict,
          why: verdict === "error" ? `${r.kind} ${r.method} ${r.path.slice(0, 60)} → ${res.status}${res.error ? ` ${res.error}` : ""}` : undefined,
        });
      }
    }),
  );
  agent.destroy();
}
