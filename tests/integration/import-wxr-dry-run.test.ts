import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArticleIdBySlug } from "@/db/queries/studio-articles";
import { listAudit } from "@/db/queries/studio-audit";
import { listRedirects } from "@/db/queries/studio-import";
import { getSectionBySlug, listSections } from "@/db/queries/taxonomy";
import { importCommands } from "@/lib/import/cli";
import { importWxr, parseNavSections } from "@/lib/import/wxr";
import type { Actor } from "@/lib/studio/audit";
import { parseArgs } from "@/lib/studio/cli/args";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { openDemoStudio } from "./helpers/suites";

const sample = fs.readFileSync("tests/fixtures/wxr/sample.xml", "utf8");

describe.each(databaseKinds())("WordPress import dry run and navigation on %s", (kind) => {
  let t: TestDatabase, pub: number, actor: Actor;
  beforeAll(async () => {
    ({ t, pub, actor } = await openDemoStudio(kind, new Date("2026-12-06T00:00:00Z")));
  });
  afterAll(async () => t?.close());

  it("a dry run reports what would change and keeps nothing: no pieces, sections, redirects or audit row", async () => {
    const sectionsBefore = (await listSections(t.db, pub)).length;
    const auditBefore = (await listAudit(t.db, { subjectType: "import" }, 1000)).length;
    const report = await importWxr(t.db, actor, sample, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.pieces.created).toBe(4);
    expect(report.sections).toBeGreaterThan(0);
    expect(report.redirects.created).toBeGreaterThan(0);
    expect(await getArticleIdBySlug(t.db, pub, "grid-delay")).toBeNull();
    expect(await getSectionBySlug(t.db, pub, "energy")).toBeNull();
    expect((await listSections(t.db, pub)).length).toBe(sectionsBefore);
    expect((await listRedirects(t.db)).filter((r) => r.publicationId === pub)).toEqual([]);
    expect((await listAudit(t.db, { subjectType: "import" }, 1000)).length).toBe(auditBefore);
  });

  it("the real import matches the dry run's counts; new sections stay out of the menu unless chosen, existing ones stay in", async () => {
    const preview = await importWxr(t.db, actor, sample, { dryRun: true });
    const report = await importWxr(t.db, actor, sample, { navSections: parseNavSections(" energy , ,nope") });
    expect(report.dryRun).toBe(false);
    expect({ ...report, dryRun: true }).toEqual(preview);
    const sections = await listSections(t.db, pub);
    expect(sections.find((s) => s.slug === "energy")?.inNav).toBe(true);
    const others = sections.filter((s) => s.slug !== "energy");
    const imported = others.filter((s) => s.position === 100);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.every((s) => !s.inNav)).toBe(true);
    // The seed's sections (made before the import) keep their place in the menu.
    expect(others.filter((s) => s.position !== 100).every((s) => s.inNav)).toBe(true);
    // A second dry run of the same file: everything unchanged.
    expect((await importWxr(t.db, actor, sample, { dryRun: true })).pieces).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it("the CLI takes --dry-run and --nav-sections", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "sample.xml");
    fs.writeFileSync(file, sample.replaceAll("old.example.com", "cli.example.com").replaceAll("grid-delay", "grid-delay-cli"));
    const lines: string[] = [];
    await importCommands["import:wxr"].run(t.db, actor, parseArgs(["--dry-run", file]), (l) => lines.push(l));
    expect(lines[0]).toMatch(/^dry run: nothing was written\npieces: 4 created/);
    expect(await getArticleIdBySlug(t.db, pub, "grid-delay-cli")).toBeNull();
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
