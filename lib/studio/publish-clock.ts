import "server-only";
import { randomBytes } from "node:crypto";
import { getDb, listenDb } from "@/db/client";
import { getNextContentChange, listContentChangesBetween } from "@/db/queries/studio-articles";
import { getEnv } from "@/lib/env";
import { CONTENT_CHANNEL, parseContentEvent, processOrigin, type ContentEvent } from "./content-events";

// Scheduled publishing and time-based unlocks take effect at their instant without a cron job.
//
// Reader pages are ISR renders built from `unstable_cache` reads with a fixed TTL, and neither can
// expire per entry at a computed instant. So each server instance keeps one timer armed for the
// next instant any piece publishes or unlocks (one indexed query). When it fires it revalidates
// the affected piece tags and the list tag, so the next request re-renders every tier's page, the
// home/section/author/tag lists, feeds and sitemap with the piece live or unlocked.
//
// revalidateTag only works inside a request (it records into the request's work store), so the
// timer asks its own server to do it: a loopback POST to /api/admin/internal/revalidate carrying
// a per-process secret. Writes through this instance re-arm the timer directly; writes elsewhere
// (another instance, the CLI, an import) arrive as NOTIFY on the content channel. The timer also
// re-checks at least every few minutes, and the renders' own TTL stays as a last safety net.

const MAX_WAIT_MS = 5 * 60_000;
// setTimeout may fire a little before the wall-clock instant; a render must see `now >= instant`.
const SLACK_MS = 30;
// A render that started just before the instant can finish after our revalidation and store the
// old answer; a second pass shortly after clears such an entry.
const SETTLE_MS = 2_500;

type Clock = { timer: NodeJS.Timeout | null; since: Date; secret: string; started: boolean };
const KEY = Symbol.for("masthead.publishClock");
const holder = globalThis as { [KEY]?: Clock };
const clock = (holder[KEY] ??= { timer: null, since: new Date(), secret: randomBytes(24).toString("hex"), started: false });

export function internalRevalidateSecret(): string {
  return clock.secret;
}

async function requestRevalidation(change: Omit<ContentEvent, "origin"> & { all?: boolean }): Promise<void> {
  const url = `http://127.0.0.1:${getEnv().PORT}/api/admin/internal/revalidate`;
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-masthead-internal": clock.secret }, body: JSON.stringify(change) });
    if (!res.ok) console.error(`[publish-clock] revalidation answered ${res.status}`);
  } catch (err) {
    console.error("[publish-clock] revalidation failed:", err instanceof Error ? err.message : String(err));
  }
}

async function tick(): Promise<void> {
  clock.timer = null;
  const db = await getDb();
  const now = new Date();
  const slugs = await listContentChangesBetween(db, clock.since, now);
  clock.since = now;
  if (slugs.length) {
    await requestRevalidation({ slugs, lists: true });
    setTimeout(() => void requestRevalidation({ slugs, lists: true }), SETTLE_MS).unref();
  }
  await arm();
}

async function arm(): Promise<void> {
  if (clock.timer) clearTimeout(clock.timer);
  const now = Date.now();
  const next = await getNextContentChange(await getDb(), new Date(now));
  const wait = next ? Math.min(Math.max(next.getTime() - now + SLACK_MS, 0), MAX_WAIT_MS) : MAX_WAIT_MS;
  if (clock.timer) clearTimeout(clock.timer);
  clock.timer = setTimeout(() => tick().catch((err: unknown) => {
    console.error("[publish-clock] tick failed:", err instanceof Error ? err.message : String(err));
    void arm().catch(() => undefined);
  }), wait);
  clock.timer.unref();
}

export function nudgePublishClock(): void {
  if (clock.started) void arm().catch(() => undefined);
}

export async function startPublishClock(): Promise<void> {
  if (clock.started) return;
  clock.started = true;
  clock.since = new Date();
  await arm();
  await listenDb(CONTENT_CHANNEL, (payload) => {
    const event = parseContentEvent(payload);
    if (!event) return;
    if (event.origin !== processOrigin()) void requestRevalidation(event);
    nudgePublishClock();
  });
}
