import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PAYWALL_MARKER, splitPreview } from "@/lib/articles/preview";
import { DEFAULT_PROTECTED_ACCESS, protectedAccessChoices, resolveProtectedAccess } from "@/lib/import/protected-access";
import { pieceChecksum, reconstructLegacyWrite } from "@/lib/import/wxr-legacy";
import { parseWxr } from "@/lib/import/wxr-parse";
import { planImport } from "@/lib/import/wxr-plan";
import { ImportOptionError } from "@/lib/import/wxr-types";
import type { PieceValues } from "@/lib/import/wxr-merge";
import { importedPiece } from "./helpers/fixtures";

const xml = fs.readFileSync("tests/fixtures/wxr/protected.xml", "utf8");
const tiers = [
  { slug: "free", rank: 0, canComment: false },
  { slug: "supporter", rank: 1, canComment: true },
  { slug: "premium", rank: 2, canComment: true },
];

describe("password-protected WordPress posts", () => {
  it("reads <wp:post_password> as a flag, never keeping the password", () => {
    const items = parseWxr(xml).items;
    expect(items.map((i) => [i.id, i.passwordProtected])).toEqual([
      [601, true],
      [602, true],
      [603, false],
      [701, false],
    ]);
    expect(JSON.stringify(items)).not.toContain("members2025");
  });

  it("treats any value as a password (fail closed), and a missing element as none", () => {
    const one = (password: string) => parseWxr(xml.replace("<![CDATA[members2025]]>", password)).items[0].passwordProtected;
    expect(one(" ")).toBe(true);
    expect(one("0")).toBe(true);
    expect(one("&lt;secret&gt;")).toBe(true);
    expect(one("")).toBe(false);
    expect(parseWxr(fs.readFileSync("tests/fixtures/wxr/sample.xml", "utf8")).items.every((i) => !i.passwordProtected)).toBe(true);
  });

  it("plans them gated: the cut before the text (after a featured image), no excerpt", () => {
    const plan = planImport(parseWxr(xml));
    expect(plan.protectedAccess).toBe("free");
    const [notes, guide, open] = plan.pieces;
    expect(notes.protected?.access).toBe("free");
    expect(notes.dek).toEqual([]);
    expect(splitPreview(notes.body, 3).teaser).toBe("![공장](https://locked.example.com/wp-content/uploads/2025/02/plant.jpg)\n\n*배터리 공장 전경*");
    // `<!--more-->` is gone: one cut only, and the whole text behind it.
    expect(notes.body.split(PAYWALL_MARKER)).toHaveLength(2);
    expect(splitPreview(notes.body, 3).gated).toMatch(/^첫 문단[\s\S]*둘째 문단[\s\S]*## 협상 문서[\s\S]*12% 낮다/);
    expect(guide.body.startsWith(`${PAYWALL_MARKER}\n\n회원 안내 첫 줄`)).toBe(true);
    expect(splitPreview(guide.body, 3).teaser).toBe("");
    // Unprotected pieces carry no `protected` key: their checksum is what it was before.
    expect("protected" in open).toBe(false);
    expect(open.dek).toEqual(["공개 요약."]);
  });

  it("publishes them as they were when the operator chooses public", () => {
    const [notes] = planImport(parseWxr(xml), { protectedAccess: "public" }).pieces;
    expect(notes.protected?.access).toBe("public");
    expect(notes.dek).toEqual(["요약: 합작 단가가 12% 낮다는 협상 문서 내용."]);
    expect(splitPreview(notes.body, 3).teaser).toContain("둘째 문단");
    expect(notes.body).toBe(notes.protected?.unprotected.body);
  });

  it("accepts public, free and paid tiers only", () => {
    expect(DEFAULT_PROTECTED_ACCESS).toBe("free");
    expect(protectedAccessChoices(tiers)).toEqual(["public", "free", "supporter", "premium"]);
    expect(resolveProtectedAccess(undefined, tiers)).toBe("free");
    expect(resolveProtectedAccess("premium", tiers)).toBe("premium");
    expect(resolveProtectedAccess("public", tiers)).toBe("public");
    for (const bad of ["anon", "gold", "", "Premium", " free"]) {
      expect(() => resolveProtectedAccess(bad, tiers), bad).toThrow(ImportOptionError);
    }
    expect(() => resolveProtectedAccess("gold", [])).toThrow('unknown protectedAccess "gold": use one of public, free');
  });
});

describe("pieces an earlier importer wrote public", () => {
  const values = (over: Partial<PieceValues>) =>
    importedPiece({ slug: "battery-notes", title: "t", body: "", sectionId: 1, authorIds: [1], tagIds: [], ...over });

  it("rebuilds what it wrote when the post is unchanged since, from the checksum it stored", () => {
    const unprotected = planImport(parseWxr(xml.replace(/<wp:post_password>.*<\/wp:post_password>/g, ""))).pieces[0];
    const piece = planImport(parseWxr(xml)).pieces[0];
    const current = values({ slug: "battery-notes-wp601", access: "public" });
    const rebuilt = reconstructLegacyWrite(piece, pieceChecksum(unprotected), current, values({ body: piece.body }));
    expect(rebuilt).toMatchObject({ slug: "battery-notes-wp601", access: "public", previewParagraphs: 3, body: unprotected.body, dek: unprotected.dek });
    // Changed in WordPress since (or never protected): nothing to rebuild from.
    expect(reconstructLegacyWrite(piece, "other", current, values({}))).toBeNull();
    expect(reconstructLegacyWrite(unprotected, pieceChecksum(unprotected), current, values({}))).toBeNull();
  });
});
