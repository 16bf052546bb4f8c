import fs from "node:fs";
import path from "node:path";
import { ADMIN_API_TOKEN } from "../../support/auth";

// What a response may never be or contain, whatever the input: a 5xx, a stack trace, a secret.

export type Seen = { status: number; body: string; label: string };

// Stack frames with a file position, Node's module folders, or an `Error:` dump followed by a frame.
const STACK_SHAPES: readonly RegExp[] = [
  /\bat (?:async )?[\w$.<>\[\] ]*\(?(?:\/|[A-Za-z]:\\|file:\/\/|node:)[^\s()]*:\d+:\d+\)?/,
  /node_modules[\\/]/,
  /\b(?:Type|Reference|Syntax|Range|URI|Eval)?Error: [^\n]{0,300}\n\s+at /,
  /\.next(?:-[\w-]+)?\/server\/(?:chunks|app)\//,
  /\bFailed query: /,
];

// The e2e server's data folder (scripts/e2e-server.mjs) holds the generated AUTH_SECRET and
// Stripe webhook secret; DATABASE_URL comes from the environment when PostgreSQL is used.
function serverSecrets(): { name: string; value: string }[] {
  const dataDir = path.resolve(`.data-e2e-${process.env.E2E_PORT ?? 3100}`);
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.join(dataDir, file), "utf8").trim();
    } catch {
      return "";
    }
  };
  const secrets = [
    { name: "ADMIN_API_TOKEN", value: ADMIN_API_TOKEN },
    { name: "AUTH_SECRET", value: process.env.AUTH_SECRET ?? read("auth-secret") },
    { name: "STRIPE_WEBHOOK_SECRET", value: process.env.STRIPE_WEBHOOK_SECRET ?? read("stripe-webhook-secret") },
    { name: "STRIPE_SECRET_KEY", value: process.env.STRIPE_SECRET_KEY ?? "" },
    { name: "DATABASE_URL", value: process.env.DATABASE_URL ?? "" },
  ];
  return secrets.filter((s) => s.value.length >= 8);
}

let cached: { name: string; value: string }[] | null = null;
// Read lazily: the webhook secret file appears only once the server first needs it.
export function secrets(): { name: string; value: string }[] {
  if (!cached || cached.length < 3) cached = serverSecrets();
  return cached;
}

export function problemsOf(seen: Seen, opts: { allowSecrets?: readonly string[] } = {}): string[] {
  const problems: string[] = [];
  if (seen.status >= 500) problems.push(`status ${seen.status}`);
  for (const shape of STACK_SHAPES) {
    const m = shape.exec(seen.body);
    if (m) problems.push(`stack-trace shape ${shape} matched ${JSON.stringify(m[0].slice(0, 120))}`);
  }
  for (const s of secrets()) {
    if (opts.allowSecrets?.includes(s.name)) continue;
    if (seen.body.includes(s.value)) problems.push(`secret ${s.name} in body`);
  }
  return problems;
}

export function assertClean(seen: Seen, opts?: { allowSecrets?: readonly string[] }): void {
  const problems = problemsOf(seen, opts);
  if (problems.length) throw new Error(`${seen.label} → ${seen.status}: ${problems.join("; ")}\n  body: ${JSON.stringify(seen.body.slice(0, 300))}`);
}

// Playwright's response → Seen, reading the body as UTF-8 text (binary bodies decode harmlessly).
export async function seen(label: string, res: { status(): number; body(): Promise<Buffer> }): Promise<Seen> {
  let body = "";
  try {
    body = (await res.body()).toString("utf8");
  } catch {
    body = "";
  }
  return { status: res.status(), body, label };
}
