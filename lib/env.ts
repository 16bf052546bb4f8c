import { z } from "zod";
import { EDGE_KEY } from "@/lib/edge/cookie";

// The only module that reads process.env. Everything optional: the local demo runs without any.

// A setting that is absent or a non-empty string (empty variables are dropped before parsing: unset).
const optionalText = () => z.string().min(1).optional();
const count = () => z.coerce.number().int().positive();

// Abuse limits, each configurable (README "Abuse limits"). Part of the schema below, so a bad value
// stops the server at start; exported so lib/rate-limit/settings.ts builds its rules from the same
// definitions (and its tests can parse a made-up environment).
export const rateLimitEnv = z.object({
  // Sign-in link requests allowed per client IP per 15 minutes (raised by the e2e suite, whose
  // every browser shares one loopback address).
  SIGNIN_REQUESTS_PER_IP: count().default(20),
  SIGNIN_REQUESTS_PER_EMAIL: count().default(5),
  COMMENTS_PER_MINUTE: count().default(5),
  COMMENT_REPORTS_PER_MINUTE: count().default(20),
  ADMIN_API_REQUESTS_PER_MINUTE: count().default(300),
  SEARCH_REQUESTS_PER_MINUTE: count().default(30),
  // Reverse proxies in front that append to X-Forwarded-For (nginx in deploy/nginx: 1; lib/http/client-ip.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Per-command budget for Redis before the limiter falls back to PostgreSQL.
  RATE_LIMIT_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(5000).default(250),
});
export type RateLimitEnv = z.infer<typeof rateLimitEnv>;

const schema = z.object({
  DATABASE_URL: optionalText(),
  MASTHEAD_DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(16).optional(),
  SITE_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  EMAIL_SERVER: optionalText(),
  EMAIL_FROM: optionalText(),
  // DKIM signing of every message (README "Deliverability"); all three or none.
  EMAIL_DKIM_DOMAIN: optionalText(),
  EMAIL_DKIM_SELECTOR: optionalText(),
  EMAIL_DKIM_PRIVATE_KEY: optionalText(),
  // The mailto: in List-Unsubscribe (an address the operator forwards to /api/email/events).
  EMAIL_UNSUBSCRIBE_MAILTO: z.email().optional(),
  // Bearer secret of the bounce/complaint endpoint (/api/email/events); admin tokens work too.
  EMAIL_EVENTS_SECRET: z.string().min(16).optional(),
  // The send queue: SMTP connections per instance, messages a second per recipient domain per
  // instance (0: no pacing), and how often an idle worker looks for due mail.
  EMAIL_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(8),
  EMAIL_DOMAIN_RATE: z.coerce.number().min(0).max(10_000).default(50),
  // Messages a second from one worker in all (0: no cap). A worker sends ~800/s on one core of this
  // project's 2-core build machine; 300 keeps a 10,000-recipient send near half a minute while
  // readers keep most of the CPU (npm run bench -- --email).
  EMAIL_RATE: z.coerce.number().min(0).max(100_000).default(300),
  EMAIL_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  // "off": this server only queues mail and a process of its own sends it (`npm run email:worker`,
  // PostgreSQL only), so a busy site does not slow its newsletters nor the other way round.
  EMAIL_WORKER: z.enum(["on", "off"]).default("on"),
  // How often each instance looks for access that ends within three days ("your access ends").
  EMAIL_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_API_TOKEN: z.string().min(16).optional(),
  STRIPE_SECRET_KEY: optionalText(),
  STRIPE_WEBHOOK_SECRET: optionalText(),
  REDIS_URL: optionalText(),
  // PortOne V2 (design §12) for publications whose payment provider is "portone": the API secret,
  // the webhook secret (Standard Webhooks, "whsec_…" or base64), the store and the channel the
  // browser SDK issues billing keys on. Without the API secret a local stand-in takes its place.
  PORTONE_API_SECRET: optionalText(),
  PORTONE_WEBHOOK_SECRET: optionalText(),
  PORTONE_STORE_ID: optionalText(),
  PORTONE_CHANNEL_KEY: optionalText(),
  // Send the PortOne SDK's API calls elsewhere (tests, a stand-in started by hand).
  PORTONE_API_BASE: z.url().optional(),
  // How often each instance's renewal job looks for PortOne subscriptions due for a charge.
  PORTONE_RENEWAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Lets tests point the Stripe SDK at a local stand-in (e.g. http://127.0.0.1:12111).
  STRIPE_API_BASE: z.url().optional(),
  // How long a past_due subscription keeps access after its period ends while Stripe retries.
  STRIPE_PAST_DUE_GRACE_DAYS: z.coerce.number().min(0).max(60).default(3),
  // Test-only: demo checkouts bill periods of this many seconds instead of a month/year, so an
  // end-to-end run can watch a canceled subscription run out. Ignored when Stripe keys are set.
  MASTHEAD_DEMO_PERIOD_SECONDS: z.coerce.number().int().min(5).max(86_400).optional(),
  // The abuse limits (rateLimitEnv above; lib/rate-limit/settings.ts turns them into rules).
  ...rateLimitEnv.shape,
  // The nginx edge's tier cookie (deploy/nginx): its key (derived from AUTH_SECRET when unset)
  // and how long nginx may trust a tier without asking Node. nginx reads the key inside a quoted
  // string (edge-secret.conf), where `$` and `"` mean something: letters, digits, `-` and `_` only.
  EDGE_SECRET: z.string().regex(EDGE_KEY, "32 to 256 letters, digits, - or _ (nginx reads it inside a quoted string)").optional(),
  EDGE_COOKIE_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  // Benchmark mode: /api/health also reports how many queries this instance has sent.
  MASTHEAD_BENCH: z.enum(["0", "1"]).default("0"),
  // How many server instances the operator runs against this configuration; more than one
  // refuses the embedded database (db/instance-guard.ts).
  MASTHEAD_INSTANCES: z.coerce.number().int().min(1).default(1),
  // Shared by every instance of one build: Next's deploymentId and build id (next.config.ts).
  MASTHEAD_DEPLOYMENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, - and _ only (a Next.js deploymentId)")
    .optional(),
  // Replaces the database part of the Redis key prefix (lib/cache/rules.mjs cacheNamespace).
  MASTHEAD_CACHE_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional(),
  // Shares one session across publications under one parent domain (design §10), e.g.
  // ".example.com"; unset: sessions are host-only and a member signs in on each publication host.
  SESSION_COOKIE_DOMAIN: z
    .string()
    .regex(/^\.?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/, "a parent domain such as .example.com")
    .optional(),
  // The build folder (next.config.ts distDir); the proxy reads the build's action manifest there.
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  // Empty strings are treated as unset so `FOO= npm start` behaves like no FOO.
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    // Names only: values may be secrets.
    throw new Error(`Invalid environment variables: ${fields}`);
  }
  cached = parsed.data;
  return cached;
}

export function siteUrl(): string {
  const env = getEnv();
  return (env.SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
