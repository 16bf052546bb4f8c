import { eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, members } from "@/db/schema";
import { anyInt, anyText, executeRows, insertRows, textArrayLiteral } from "@/db/queries/sql-arrays";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

// The batch filters send a whole list as one array literal: every string must come back as it
// went in, whatever it holds (quotes, backslashes, commas, braces, the word NULL, Korean).
const odd = ["plain@example.com", 'a"quote@example.com', "back\\slash@example.com", "comma,brace{}@example.com", "NULL", "", " spaced ", "한글@예시.kr"];

describe.each(databaseKinds())("array parameters on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.close());

  it("round-trips every string of a text array", async () => {
    const rows = await executeRows<{ v: string }>(t.db, sql`select v from unnest(${textArrayLiteral(odd)}::text[]) with ordinality as u(v, n) order by n`);
    expect(rows.map((r) => r.v)).toEqual(odd);
  });

  it("matches exactly the listed rows", async () => {
    const inserted = await t.db
      .insert(members)
      .values(odd.filter(Boolean).map((email) => ({ email })))
      .returning({ id: members.id, email: members.email });
    const wanted = inserted.filter((_, i) => i % 2 === 0);
    const idsWhere = async (where: SQL) => (await t.db.select({ id: members.id }).from(members).where(where)).map((r) => r.id).sort();
    const ids = wanted.map((m) => m.id).sort();
    expect(
      await idsWhere(
        anyText(
          members.email,
          wanted.map((m) => m.email),
        ),
      ),
    ).toEqual(ids);
    expect(await idsWhere(anyInt(members.id, ids))).toEqual(ids);
  });

  it("inserts rows of every column kind with insertRows, nulls and defaults included", async () => {
    const at = new Date("2026-12-07T01:02:03.456Z");
    const rows = [
      {
        actorLabel: 'cli "import"',
        action: "member.import",
        subjectType: "member",
        subjectId: "1",
        memberId: null,
        summary: "김 \\ {a,b}",
        details: { line: 2, note: 'a "q"', fill: [] },
      },
      { actorLabel: "cli", action: "member.import", subjectType: "member", subjectId: "2", memberId: null, summary: "", details: {} },
    ];
    await t.db.execute(insertRows(auditLog, ["actorLabel", "action", "subjectType", "subjectId", "memberId", "summary", "details"], rows));
    const back = await t.db.select().from(auditLog).where(eq(auditLog.action, "member.import")).orderBy(auditLog.id);
    expect(back.map(({ actorLabel, subjectId, memberId, summary, details }) => ({ actorLabel, subjectId, memberId, summary, details }))).toEqual(
      rows.map(({ actorLabel, subjectId, memberId, summary, details }) => ({ actorLabel, subjectId, memberId, summary, details })),
    );
    // Left out: the column default (now()), not null.
    expect(back.every((r) => r.at instanceof Date && r.at.getTime() > at.getTime() - 365 * 86_400_000)).toBe(true);
  });
});
