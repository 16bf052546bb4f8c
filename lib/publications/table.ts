import { processSlot, setProcessSlot } from "@/lib/process-state";
import { publicationForHost, type PublicationRef, type PublicationTable } from "./model";

// The publications and their hostnames, held in memory so the proxy and route handlers map a
// request's host to its publication with no query (design §10). Loaded at server start and
// reloaded when a publication changes (lib/publications/table-loader.ts). Null until the first
// load succeeds: reader requests are then answered 503 rather than guessed.

export type PublicationsSlot = { table: PublicationTable | null };

export const publicationTable = (): PublicationTable | null => processSlot("publications", () => ({ table: null })).table;

export function setPublicationTable(table: PublicationTable | null): void {
  setProcessSlot("publications", { table });
}

/** The publication a request is for, by its Host header; null while the table is not loaded. */
export function publicationOfRequest(request: { headers: { get(name: string): string | null } }): PublicationRef | null {
  const table = publicationTable();
  return table ? publicationForHost(table, request.headers.get("host")) : null;
}

export function publicationById(id: number): PublicationRef | null {
  return publicationTable()?.byId.get(id) ?? null;
}

export function publicationBySlug(slug: string): PublicationRef | null {
  return publicationTable()?.bySlug.get(slug) ?? null;
}
