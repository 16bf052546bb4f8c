import type { APIRequestContext } from "@playwright/test";
import { splitPreview } from "../../../lib/articles/preview";
import { ADMIN_API_TOKEN } from "../../support/auth";

// Reference text that only readers with access may receive: distinctive fragments of each gated
// piece's body *after* the preview cut, taken from the Admin API (the stored source of truth).

export type GatedPiece = { id: number; slug: string; access: string; fragments: string[] };

const auth = { Authorization: `Bearer ${ADMIN_API_TOKEN}` };
// Block-level markdown that renders with extra markup in between; its text is skipped.
const SKIP_LINE = /^\s*(?:#|\||>|[-*+] |\d+\. |!\[|<|```|~~~|\[[^\]]+\]:)/;

// Windows of plain letters, digits and spaces only: no character an HTML, XML or JSON encoder
// would escape and no inline markup (a link or emphasis splits the text with tags), so a fragment
// matches the rendered text byte for byte wherever it appears.
export function distinctiveFragments(gatedMarkdown: string, perPiece = 6, width = 24): string[] {
  const out: string[] = [];
  for (const raw of gatedMarkdown.split("\n")) {
    if (SKIP_LINE.test(raw)) continue;
    for (const run of raw.match(/[\p{L}\p{N}][\p{L}\p{N} ]{23,}[\p{L}\p{N}]/gu) ?? []) {
      if (run.length < width) continue;
      const start = Math.floor((run.length - width) / 2);
      out.push(run.slice(start, start + width));
    }
  }
  // Spread the picks over the whole gated part, not just its first paragraph.
  const step = Math.max(1, Math.floor(out.length / perPiece));
  return out.filter((_, i) => i % step === 0).slice(0, perPiece);
}

type ListItem = { id: number; slug: string; access: string; live: boolean; unlockAt: string | null };

export async function loadGatedPieces(request: APIRequestContext, accesses: readonly string[]): Promise<GatedPiece[]> {
  const pieces: GatedPiece[] = [];
  for (const access of accesses) {
    const list = await request.get(`/api/admin/v1/articles?access=${access}&status=published&limit=100`, { headers: auth });
    if (list.status() !== 200) throw new Error(`admin list ${access}: ${list.status()}`);
    const items = ((await list.json()) as { articles: ListItem[] }).articles;
    for (const item of items) {
      if (!item.live || (item.unlockAt && Date.parse(item.unlockAt) <= Date.now() + 3_600_000)) continue;
      const res = await request.get(`/api/admin/v1/articles/${item.id}`, { headers: auth });
      const full = (await res.json()) as { body: string; previewParagraphs: number };
      const gated = splitPreview(full.body, full.previewParagraphs).gated;
      if (!gated) continue;
      const fragments = distinctiveFragments(gated);
      if (fragments.length) pieces.push({ id: item.id, slug: item.slug, access, fragments });
    }
  }
  return pieces;
}

// `echo`: text the request itself carried (a search query shown back in the form) is not a leak.
export function leakedFragments(body: string, pieces: readonly GatedPiece[], echo?: string): string[] {
  const text = echo ? body.split(echo).join("") : body;
  const leaks: string[] = [];
  for (const p of pieces) for (const f of p.fragments) if (text.includes(f)) leaks.push(`${p.slug}: "${f}"`);
  return leaks;
}
