import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, listenDb } from "@/db/client";

// Tag revalidations also travel over PostgreSQL NOTIFY, so they reach every instance even while
// Redis is unreachable (each instance then serves from its own memory, checked against the tag
// states it knows). While Redis is up this is redundant and harmless: the shared tag hash already
// holds the same states, and merging is idempotent (lib/cache/rules.mjs mergeTagState).

export const CACHE_TAGS_CHANNEL = "masthead_cache_tags";
// NOTIFY payloads are limited to 8000 bytes.
const MAX_PAYLOAD = 7000;

type TagState = { stale: number; expired: number };
type SharedCacheLike = {
  onLocalRevalidate?: (tags: string[], states: TagState[]) => void;
  applyRemoteRevalidation: (tags: string[], states: TagState[]) => void;
};
type Message = { origin: string; tags: string[]; states: TagState[] };

// The two slots lib/cache/handler.mjs keeps on its own symbols (it cannot import lib/process-state.ts;
// see there): the shared cache it created, and the hook it calls on a local revalidation.
const CACHE = Symbol.for("masthead.sharedCache");
const BROADCAST = Symbol.for("masthead.cacheTagBroadcast");
const holder = globalThis as { [CACHE]?: SharedCacheLike | null; [BROADCAST]?: (tags: string[], states: TagState[]) => void };
const origin = randomUUID();

export function batchMessages(tags: string[], states: TagState[], from: string): string[] {
  const out: string[] = [];
  let batch: Message = { origin: from, tags: [], states: [] };
  const flush = () => {
    if (batch.tags.length) out.push(JSON.stringify(batch));
    batch = { origin: from, tags: [], states: [] };
  };
  tags.forEach((tag, i) => {
    if (tag.length > MAX_PAYLOAD / 2) return;
    if (JSON.stringify(batch).length + tag.length + 64 > MAX_PAYLOAD) flush();
    batch.tags.push(tag);
    batch.states.push({ stale: Math.round(states[i].stale), expired: Math.round(Math.min(states[i].expired, Number.MAX_SAFE_INTEGER)) });
  });
  flush();
  return out;
}

export function parseMessage(payload: string): Message | null {
  try {
    const m = JSON.parse(payload) as Partial<Message>;
    if (typeof m.origin !== "string" || !Array.isArray(m.tags) || !Array.isArray(m.states) || m.tags.length !== m.states.length) return null;
    const ok = m.tags.every((t) => typeof t === "string") && m.states.every((s) => s && Number.isFinite(s.stale) && Number.isFinite(s.expired));
    return ok ? (m as Message) : null;
  } catch {
    return null;
  }
}

export async function startTagBroadcast(): Promise<void> {
  const db = await getDb();
  // Read by lib/cache/handler.mjs when it creates the process's shared cache.
  holder[BROADCAST] = (tags, states) => {
    for (const payload of batchMessages(tags, states, origin)) {
      db.execute(sql`select pg_notify(${CACHE_TAGS_CHANNEL}, ${payload})`).catch((err: unknown) => {
        console.error("[cache] tag broadcast failed:", err instanceof Error ? err.message : String(err));
      });
    }
  };
  await listenDb(CACHE_TAGS_CHANNEL, (payload) => {
    const message = parseMessage(payload);
    if (message && message.origin !== origin) holder[CACHE]?.applyRemoteRevalidation(message.tags, message.states);
  });
}
