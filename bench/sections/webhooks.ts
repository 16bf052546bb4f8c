// Issue 4's figure: Stripe webhook events/s on PostgreSQL (bench/webhook.ts, written with the
// billing work) and whether shuffled, redelivered events end in the in-order grants. Runs on
// databases of its own created beside --database-url (or DATABASE_URL); skipped without one.
import type { BenchContext } from "../context";
import { num } from "../report";
import { runWebhookBench } from "../webhook";

const TARGET_EVENTS_PER_SECOND = 500;

export async function webhooksSection(ctx: BenchContext): Promise<void> {
  const { report } = ctx;
  report.section("Stripe webhooks on PostgreSQL: 2,000 signed deliveries, 30 % redeliveries, shuffled");
  const url = ctx.opts.databaseUrl ?? process.env.DATABASE_URL ?? null;
  if (!url) {
    report.line("skipped: needs PostgreSQL (--database-url URL, BENCH_DATABASE_URL or DATABASE_URL)");
    return;
  }
  const r = await runWebhookBench({ databaseUrl: url });
  report.table([
    {
      deliveries: num(r.deliveries),
      unique: num(r.unique),
      redeliveries: num(r.duplicates),
      members: num(r.members),
      "in flight": r.concurrency,
      seconds: r.seconds.toFixed(1),
      "events/s": num(r.eventsPerSecond),
      "5xx retried": r.retries,
    },
  ]);
  report.record("webhooks", r);
  report.check("webhook grants equal the in-order result", r.grantsMatch, r.detail);
  report.check(
    `≥ ${num(TARGET_EVENTS_PER_SECOND)} webhook events/s (issue 19)`,
    r.eventsPerSecond >= TARGET_EVENTS_PER_SECOND,
    `${num(r.eventsPerSecond)} events/s with ${r.concurrency} in flight`,
  );
}
