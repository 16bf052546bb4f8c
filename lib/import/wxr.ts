import type { Db } from "@/db/client";
import { listTiers } from "@/db/queries/taxonomy";
import type { Actor } from "@/lib/studio/audit";
import { actorPublication } from "@/lib/studio/pieces";
import { resolveProtectedAccess } from "./protected-access";
import { applyImport, type ImportReport, type Progress } from "./wxr-import";
import { parseWxr } from "./wxr-parse";
import { planImport } from "./wxr-plan";

export const MAX_WXR_BYTES = 50 * 1024 * 1024;

export type ImportOptions = {
  // Access level for password-protected posts: "public", "free" (the default) or a paid tier slug.
  protectedAccess?: string;
  onProgress?: Progress;
  // Report what would change, write nothing (the import runs in a transaction that is rolled back).
  dryRun?: boolean;
  // Slugs of sections this import creates that join the header navigation; the others stay out.
  navSections?: readonly string[];
};

// "a, b,,c" → ["a", "b", "c"]: the section slugs chosen for the navigation (studio and CLI).
export function parseNavSections(value: string | null | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 200);
}

// Check the options, then parse and plan everything before the first write: an unknown tier or a
// malformed file stops here (ImportOptionError, WxrError with the line and element that failed),
// and nothing is written.
export async function importWxr(db: Db, actor: Actor, xml: string, options: ImportOptions = {}): Promise<ImportReport> {
  const protectedAccess = resolveProtectedAccess(options.protectedAccess, await listTiers(db, actorPublication(actor)));
  const plan = planImport(parseWxr(xml), { protectedAccess });
  return applyImport(db, actor, plan, options.onProgress, { dryRun: options.dryRun ?? false, navSections: options.navSections ?? [] });
}

export function describeReport(r: ImportReport): string {
  return [
    ...(r.dryRun ? ["dry run: nothing was written"] : []),
    `pieces: ${r.pieces.created} created, ${r.pieces.updated} updated, ${r.pieces.unchanged} unchanged, ${r.pieces.skipped} skipped`,
    `authors: ${r.authors} new · sections: ${r.sections} new · tags: ${r.tags} new`,
    `redirects: ${r.redirects.created} created, ${r.redirects.updated} updated, ${r.redirects.unchanged} unchanged`,
  ].join("\n");
}

// What needs an editor's eye, for the CLI (the studio words the same report in Korean).
export function describeReportDetails(r: ImportReport): string[] {
  const lines: string[] = [];
  const gated = r.protected.pieces;
  if (gated.length) {
    lines.push(
      `password-protected posts: ${gated.length}, imported at access "${r.protected.access}"${r.protected.access === "public" ? " (published as chosen)" : " (gated)"}:`,
    );
    for (const p of gated)
      lines.push(`  ${p.slug} (WordPress #${p.wpId})${p.access === r.protected.access ? "" : ` — access now "${p.access}", set in Masthead`}`);
  }
  if (r.editorKept.length) {
    lines.push(`editor changes kept: ${r.editorKept.length} piece(s)`);
    for (const k of r.editorKept)
      lines.push(`  ${k.slug}: ${k.fields.join(", ")}${k.conflicts.length ? ` — changed in WordPress too, Masthead's kept: ${k.conflicts.join(", ")}` : ""}`);
  }
  if (r.deletedInMasthead.length) lines.push(`not re-created (deleted in Masthead): WordPress #${r.deletedInMasthead.join(", #")}`);
  return lines;
}
