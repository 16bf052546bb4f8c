import { describe, expect, it } from "vitest";
import { readSourceRows } from "@/lib/import/members/source";

// A 50 MB export is read as it arrives: the reader never runs more than a chunk or two ahead of
// the rows it has handed out, so memory does not grow with the file. The file is generated on the
// fly and never exists whole, here or on disk.

const CHUNK = 64 * 1024;
const TARGET = 50 * 1024 * 1024;
const HEADER = "email,name,tier,starts_at,ends_at,newsletter,note\n";
const row = (i: number) =>
  `reader${i}@example.com,독자 ${i}번,${i % 3 ? "premium" : ""},2026-0${1 + (i % 9)}-01,2027-0${1 + (i % 9)}-15,${i % 2 ? "yes" : "no"},"연간 구독, ${i}"\n`;

describe("a 50 MB file streams", () => {
  it("rows come out while the bytes are still coming in, for all 50 MB", { timeout: 120_000 }, async () => {
    let produced = 0;
    // Byte offset where each generated row ends, by its line number.
    const ends: number[] = [];
    async function* generate(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      let pending = HEADER;
      let i = 0;
      let offset = 0;
      while (produced < TARGET) {
        while (pending.length < CHUNK) {
          const r = row(i++);
          pending += r;
          offset += encoder.encode(r).length;
          ends[i + 1] = offset + HEADER.length;
        }
        const bytes = encoder.encode(pending);
        pending = "";
        produced += bytes.length;
        yield bytes;
      }
    }
    let rows = 0;
    let issues = 0;
    let worstLead = 0;
    for await (const r of readSourceRows(generate(), { format: "csv", encoding: "utf-8", timeZone: "Asia/Seoul" })) {
      issues += r.issues.length;
      rows++;
      worstLead = Math.max(worstLead, produced - ends[r.line]);
    }
    expect(produced).toBeGreaterThanOrEqual(TARGET);
    expect(rows).toBe(ends.length - 2);
    expect(rows).toBeGreaterThan(500_000);
    expect(issues).toBe(0);
    // Never more than the chunk being read (plus the one the stream pulled ahead) past the row.
    expect(worstLead).toBeLessThan(3 * CHUNK);
  });
});
