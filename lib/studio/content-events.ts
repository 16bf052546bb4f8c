import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { processSlot } from "@/lib/process-state";

// Content changes are announced on a Postgres channel so every server instance can refresh its own
// render cache — including changes made outside any server (the operator CLI, an import).
export const CONTENT_CHANNEL = "masthead_content";

// A change in one publication (`publicationId`), or install-wide (null: tiers and bundles, which
// reach across publications, and publications themselves).
// `redirects`: the legacy redirect table changed (an import), see lib/import/redirect-table.ts.
// `related`: related-list tags to expire (lib/articles/related.ts).
// `publications`: a publication or its hostnames changed (lib/publications/table-loader.ts).
export type ContentEvent = {
  origin: string;
  publicationId: number | null;
  slugs: string[];
  lists: boolean;
  taxonomy?: boolean;
  tiers?: boolean;
  redirects?: boolean;
  related?: string[];
  publications?: boolean;
};

// One id per process: an instance ignores its own announcements (it revalidated already).
export function processOrigin(): string {
  return processSlot("contentOrigin", () => randomUUID());
}

// NOTIFY payloads are limited to 8000 bytes: a large import announces "everything" instead.
export async function announceContentChange(db: Pick<Db, "execute">, change: Omit<ContentEvent, "origin">): Promise<void> {
  let payload = JSON.stringify({ ...change, origin: processOrigin() });
  if (payload.length > 7000) payload = JSON.stringify({ ...change, slugs: [], related: [], lists: true, all: true, origin: processOrigin() });
  await db.execute(sql`select pg_notify(${CONTENT_CHANNEL}, ${payload})`);
}

export function parseContentEvent(payload: string): (ContentEvent & { all?: boolean }) | null {
  try {
    const v = JSON.parse(payload) as Partial<ContentEvent> & { all?: boolean };
    if (typeof v.origin !== "string" || !Array.isArray(v.slugs)) return null;
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((s): s is string => typeof s === "string") : []);
    const publicationId = typeof v.publicationId === "number" && Number.isInteger(v.publicationId) ? v.publicationId : null;
    return {
      origin: v.origin,
      publicationId,
      slugs: strings(v.slugs),
      lists: v.lists === true,
      taxonomy: v.taxonomy === true,
      tiers: v.tiers === true,
      redirects: v.redirects === true,
      related: strings(v.related),
      publications: v.publications === true,
      all: v.all === true,
    };
  } catch {
    return null;
  }
}
