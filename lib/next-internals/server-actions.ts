import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

// NEXT INTERNAL (Next 16.4): `<distDir>/server/server-reference-manifest.json` maps every server
// action id to the app entries ("workers", e.g. "app/studio/tokens/page") that import it. Next
// runs an action posted to *any* page path; the proxy uses this map to refuse studio actions posted
// outside /studio, as it refuses every /studio write from non-staff (issue 15 §7). Each studio
// action re-checks the role itself either way. tests/unit/next-internals.test.ts pins the shape.

type Manifest = { node?: Record<string, { workers?: Record<string, unknown> }> };

/** Action ids that only studio pages import. Pure: the manifest's parsed JSON in. */
export function studioOnlyActions(manifest: unknown): Set<string> {
  const out = new Set<string>();
  const node = (manifest as Manifest | null)?.node;
  if (!node || typeof node !== "object") return out;
  for (const [id, entry] of Object.entries(node)) {
    const workers = Object.keys(entry?.workers ?? {});
    if (workers.length > 0 && workers.every((w) => w.startsWith("app/studio/"))) out.add(id);
  }
  return out;
}

let studioActions: Set<string> | null = null;

// Read once per process: the manifest belongs to the build being served and never changes under it.
export function isStudioAction(id: string): boolean {
  if (studioActions === null) {
    try {
      const file = path.resolve(getEnv().NEXT_DIST_DIR, "server", "server-reference-manifest.json");
      studioActions = studioOnlyActions(JSON.parse(fs.readFileSync(file, "utf8")));
    } catch (err) {
      console.error(`[proxy] could not read the server action manifest: ${err instanceof Error ? err.message : String(err)}`);
      studioActions = new Set();
    }
  }
  return studioActions.has(id);
}
