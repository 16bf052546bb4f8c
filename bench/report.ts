// Collects figures and PASS/FAIL checks, prints them as they come and as a summary, and writes
// the whole run as JSON (bench/out/last-run.json) for comparison between runs.
import fs from "node:fs";
import path from "node:path";

export type Check = { name: string; pass: boolean; detail: string };
export type Row = Record<string, string | number | null>;

export const mb = (bytes: number | null | undefined) => (bytes == null ? "?" : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const num = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export class Report {
  private readonly checks: Check[] = [];
  private readonly data: Record<string, unknown> = {};
  private readonly started = Date.now();

  section(title: string): void {
    console.log(`\n━━ ${title}`);
  }

  line(text: string): void {
    console.log(`  ${text}`);
  }

  record(key: string, value: unknown): void {
    this.data[key] = value;
  }

  table(rows: Row[]): void {
    if (!rows.length) return;
    const cols = Object.keys(rows[0]);
    const cell = (v: Row[string]) => (v === null ? "—" : String(v));
    const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
    const fmt = (vals: string[]) => `  ${vals.map((v, i) => (i === 0 ? v.padEnd(width[i]) : v.padStart(width[i]))).join("   ")}`;
    console.log(fmt(cols));
    for (const r of rows) console.log(fmt(cols.map((c) => cell(r[c]))));
  }

  check(name: string, pass: boolean, detail: string): void {
    this.checks.push({ name, pass, detail });
    console.log(`  ${pass ? "PASS" : "FAIL"}  ${name} — ${detail}`);
  }

  get failed(): boolean {
    return this.checks.some((c) => !c.pass);
  }

  summary(outDir: string): void {
    console.log(`\n━━ summary (${Math.round((Date.now() - this.started) / 1000)} s)`);
    for (const c of this.checks) console.log(`${c.pass ? "PASS" : "FAIL"}  ${c.name} — ${c.detail}`);
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, "last-run.json");
    fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), checks: this.checks, ...this.data }, null, 2));
    console.log(`(figures written to ${file})`);
  }
}
