import type { Db } from "@/db/client";
import type { Actor } from "@/lib/studio/audit";
import { applyImport, type ImportReport, type Progress } from "./wxr-import";
import { parseWxr } from "./wxr-parse";
import { planImport } from "./wxr-plan";

export const MAX_WXR_BYTES = 50 * 1024 * 1024;

// Parse and plan everything before the first write: a malformed file stops here with the line
// and element that failed, and nothing is written.
export async function importWxr(db: Db, actor: Actor, xml: string, onProgress?: Progress): Promise<ImportReport> {
  const plan = planImport(parseWxr(xml));
  return applyImport(db, actor, plan, onProgress);
}

export function describeReport(r: ImportReport): string {
  return [
    `pieces: ${r.pieces.created} created, ${r.pieces.updated} updated, ${r.pieces.unchanged} unchanged, ${r.pieces.skipped} skipped`,
    `authors: ${r.authors} new · sections: ${r.sections} new · tags: ${r.tags} new`,
    `redirects: ${r.redirects.created} created, ${r.redirects.updated} updated, ${r.redirects.unchanged} unchanged`,
  ].join("\n");
}
