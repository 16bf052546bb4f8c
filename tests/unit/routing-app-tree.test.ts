import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { isInternalPath, isKnownReaderPath, publicationFileRoute } from "@/lib/routing/paths";
import { isPrerenderedPath } from "@/lib/security/prerendered-routes";

// The hand-kept route lists beside app/ (issue 21 §4): lib/routing/paths.ts must know every reader
// page and per-publication file (else the proxy answers a real page with status 404), and
// lib/security/prerendered-routes.ts must list exactly the prerendered pages (else a page gets two
// CSP policies, or none that fits). This walks app/ and names every entry a list does not know.

const APP = join(process.cwd(), "app");

type Entry = { file: string; segments: string[]; kind: "page" | "route" };

function walk(dir: string): Entry[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = join(dir, d.name);
    if (d.isDirectory()) return walk(full);
    const kind = /^page\.(tsx?|jsx?)$/.test(d.name) ? "page" : /^route\.(tsx?|jsx?)$/.test(d.name) ? "route" : null;
    if (!kind) return [];
    const file = relative(process.cwd(), full).split(sep).join("/");
    // Route groups "(name)" add no URL segment.
    const segments = relative(APP, dir)
      .split(sep)
      .filter((s) => s !== "" && !/^\(.*\)$/.test(s));
    return [{ file, segments, kind } as Entry];
  });
}

// A concrete URL for a route pattern: each dynamic segment becomes a sample value.
const SAMPLE: Record<string, string> = { "[pub]": "demo", "[lang]": "en", "[tier]": "premium" };
const samplePath = (segments: string[]) => "/" + segments.map((s) => SAMPLE[s] ?? (s.startsWith("[") ? "sample-1" : s)).join("/");

const entries = walk(APP);
const under = (prefix: string[]) => entries.filter((e) => prefix.every((p, i) => e.segments[i] === p));
const isCatchAll = (e: Entry) => e.segments.some((s) => s.startsWith("[..."));
const marksPrerendered = (e: Entry) =>
  /export const (revalidate|generateStaticParams)\b|export (async )?function generateStaticParams\b/.test(readFileSync(e.file, "utf8"));

describe("app tree against the routing lists", () => {
  it("finds the app tree", () => {
    expect(entries.length).toBeGreaterThan(20);
    expect(under(["p", "[pub]", "[lang]"]).length).toBeGreaterThan(5);
  });

  it("every reader page and feed under app/p/[pub]/[lang] is a known reader path", () => {
    const readers = under(["p", "[pub]", "[lang]"]).filter((e) => !isCatchAll(e));
    const unknown = readers.filter((e) => !isKnownReaderPath(samplePath(e.segments.slice(3)) || "/")).map((e) => e.file);
    expect(unknown, "add these to readerRoutes in lib/routing/paths.ts").toEqual([]);
  });

  it("every per-publication file under app/p/[pub] is routed by publicationFileRoute", () => {
    const files = under(["p", "[pub]"]).filter((e) => e.segments[2] !== "[lang]");
    const unrouted = files.filter((e) => publicationFileRoute(samplePath(e.segments.slice(2)), "demo") !== samplePath(e.segments)).map((e) => e.file);
    expect(unrouted, "add these to publicationFileRoute in lib/routing/paths.ts").toEqual([]);
  });

  it("only app/p and app/t are internal: every other route is reachable from outside", () => {
    const outside = entries.filter((e) => e.segments[0] !== "p" && e.segments[0] !== "t");
    expect(outside.filter((e) => isInternalPath(samplePath(e.segments))).map((e) => e.file)).toEqual([]);
    expect(entries.filter((e) => !outside.includes(e)).every((e) => isInternalPath(samplePath(e.segments)))).toBe(true);
  });

  it("prerendered-routes.ts lists exactly the pages that export revalidate/generateStaticParams", () => {
    const pages = entries.filter((e) => e.kind === "page" && !isCatchAll(e));
    const missing = pages.filter((e) => marksPrerendered(e) && !isPrerenderedPath(samplePath(e.segments))).map((e) => e.file);
    const extra = pages.filter((e) => !marksPrerendered(e) && isPrerenderedPath(samplePath(e.segments))).map((e) => e.file);
    expect({ missing, extra }, "keep PRERENDERED in lib/security/prerendered-routes.ts in step with app/").toEqual({ missing: [], extra: [] });
  });
});
