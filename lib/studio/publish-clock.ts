import "server-only";
import { randomBytes } from "node:crypto";
import { getDb, listenDb } from "@/db/client";
import { getNextContentChange, listContentChangesBetween } from "@/db/queries/studio-articles";
import { relatedTags } from "@/lib/articles/cache-tags";
import { backoffDelay, startWithRetry } from "@/lib/background/retry";
import { getEnv } from "@/lib/env";
import { CONTENT_CHANNEL, parseContentEvent, processOrigin, type ContentEvent } from "./content-events";
import { processSlot } from "@/lib/process-state";

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

export type PublishClock = { timer: NodeJS.Timeout | null; since: Date; secret: string; started: boolean; failures: number };
const clock = processSlot("publishClock", (): PublishClock => ({
  timer: null,
  since: new Date(),
  secret: randomBytes(24).toString("hex"),
  started: false,
  failures: 0,
}));

export function internalRevalidateSecret(): string {
  return clock.secret;
}

async function requestRevalidation(change: Omit<ContentEvent, "origin"> & { all?: boolean }): Promise<void> {
  const url = `http://127.0.0.1:${getEnv().PORT}/api/admin/internal/revalidate`;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-masthead-internal": clock.secret },
      body: JSON.stringify(change),
    });
    if (!res.ok) console.error(`[publish-clock] revalidation answered ${res.status}`);
  } catch (err) {
    console.error("[publish-clock] revalidation failed:", err instanceof Error ? err.message : String(err));
  }
}

async function tick(): Promise<void> {
  clock.timer = null;
  const db = await getDb();
  const now = new Date();
  const changed = await listContentChangesBetween(db, clock.since, now);
  clock.since = now;
  // One revalidation per publication whose pieces publish or unlock now.
  for (const publicationId of new Set(changed.map((c) => c.publicationId))) {
    const mine = changed.filter((c) => c.publicationId === publicationId);
    const change = { publicationId, slugs: mine.map((c) => c.slug), lists: true, related: [...new Set(mine.filter((c) => c.published).flatMap(relatedTags))] };
    await requestRevalidation(change);
    setTimeout(() => void requestRevalidation(change), SETTLE_MS).unref();
  }
}

function setTimer(wait: number, run: () => Promise<void>): void {
  if (clock.timer) clearTimeout(clock.timer);
  clock.timer = setTimeout(() => void run(), wait);
  clock.timer.unref();
}

// Arms the timer for the next instant. Never throws: when the database cannot be asked (down at
// boot, restarting) it logs and tries again with backoff, so the clock cannot stop for good.
async function arm(): Promise<void> {
  try {
    const now = Date.now();
    const next = await getNextContentChange(await getDb(), new Date(now));
    // After an outage, instants that passed while the database was away are caught up at once.
    const recovering = clock.failures > 0;
    const wait = recovering ? 0 : next ? Math.min(Math.max(next.getTime() - now + SLACK_MS, 0), MAX_WAIT_MS) : MAX_WAIT_MS;
    clock.failures = 0;
    setTimer(wait, async () => {
      try {
        await tick();
      } catch (err) {
        console.error("[publish-clock] tick failed:", err instanceof Error ? err.message : String(err));
      }
      await arm();
    });
  } catch (err) {
    const wait = backoffDelay(clock.failures++);
    console.error(
      `[publish-clock] could not read the next instant (${err instanceof Error ? err.message : String(err)}); retrying in ${Math.round(wait / 100) / 10} s`,
    );
    setTimer(wait, arm);
  }
}

export function nudgePublishClock(): void {
  if (clock.started) void arm();
}

export async function startPublishClock(): Promise<boolean> {
  if (clock.started) return true;
  clock.started = true;
  clock.since = new Date();
  await arm();
  return startWithRetry("publish-clock", async () => {
    await listenDb(CONTENT_CHANNEL, (payload) => {
      const event = parseContentEvent(payload);
      if (!event) return;
      if (event.origin !== processOrigin()) void requestRevalidation(event);
      nudgePublishClock();
    });
  });
}
