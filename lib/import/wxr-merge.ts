import { createHash } from "node:crypto";
import { bodyCut, placeCut, textKey } from "./paywall-cut";

// Re-importing a WordPress post that changed there, into a piece an editor may have changed here.
// A three-way merge per field: `last` fingerprints what the import wrote the previous time; a
// field still equal to it is the importer's to update, any other value is the editor's and stays.
// When WordPress changed the same field too, Masthead's value still wins — an editor's work is
// never overwritten by a file — and the field is reported as a conflict so someone can look.
// Pure: the caller loads the piece and stores the returned fingerprint.

export type PieceValues = {
  slug: string;
  title: string;
  dek: string[];
  body: string;
  locale: "ko" | "en";
  status: "draft" | "scheduled" | "published";
  publishAt: Date | null;
  access: string;
  unlockAt: Date | null;
  previewParagraphs: number;
  sectionId: number | null;
  heroImage: string | null;
  heroCaption: string;
  heroAlt: string;
  authorIds: number[];
  tagIds: number[];
};

// Fields an editor sets together merge together: a status goes with its instant (a published
// piece with WordPress's draft instant would be neither), a gate with its unlock time.
const GROUPS = {
  slug: ["slug"],
  title: ["title"],
  dek: ["dek"],
  locale: ["locale"],
  publication: ["status", "publishAt"],
  access: ["access", "unlockAt"],
  previewParagraphs: ["previewParagraphs"],
  section: ["sectionId"],
  hero: ["heroImage", "heroCaption", "heroAlt"],
  authors: ["authorIds"],
  tags: ["tagIds"],
} as const satisfies Record<string, readonly (keyof PieceValues)[]>;
type Group = keyof typeof GROUPS;
// The body merges as two parts (lib/import/paywall-cut.ts): its text and its paywall position.
export type MergeField = Group | "body" | "paywall";

// Group → hash of its values; "body" → hash of the text; "paywall" → the marker's block index or
// "none". Stored in import_items.written.
export type Fingerprint = Record<string, string>;

// In a legacy fingerprint (written before fingerprints existed): nobody knows what was written.
export const UNKNOWN = "?";

const hash = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 32);
// Dates compare as instants; tags as a set (their order is not shown anywhere, bylines' is).
function norm(key: keyof PieceValues, v: PieceValues): unknown {
  if (key === "tagIds") return [...new Set(v.tagIds)].sort((a, b) => a - b);
  const value = v[key];
  return value instanceof Date ? value.toISOString() : value;
}
const groupKey = (g: Group, v: PieceValues) => hash(GROUPS[g].map((k) => norm(k, v)));
const atKey = (at: number | null) => (at === null ? "none" : String(at));

export function fingerprint(v: PieceValues): Fingerprint {
  const out: Fingerprint = {};
  for (const g of Object.keys(GROUPS) as Group[]) out[g] = groupKey(g, v);
  const cut = bodyCut(v.body);
  out.body = hash(textKey(cut.text));
  out.paywall = atKey(cut.at);
  return out;
}

// The same piece as far as anything a reader or the import can tell (the body byte for byte).
export function sameValues(a: PieceValues, b: PieceValues): boolean {
  return a.body === b.body && JSON.stringify(fingerprint(a)) === JSON.stringify(fingerprint(b));
}

export type MergeResult = {
  values: PieceValues;
  // What to store as `last` for the next run: the new value's key where the import wrote it, the
  // previous key where the editor's value stayed (so it keeps counting as the editor's).
  written: Fingerprint;
  // Editor changes left in place although the file says otherwise.
  kept: MergeField[];
  // …of which WordPress changed the field since the previous import too.
  conflicts: MergeField[];
};

type Side = { cur: string; next: string; last: string | undefined };

// The importer takes a field the editor left alone, or one both now agree on.
const importerTakes = ({ cur, next, last }: Side) => cur === last || cur === next;

export function mergeUpdate(current: PieceValues, last: Fingerprint, next: PieceValues): MergeResult {
  const values: PieceValues = { ...next };
  const written: Fingerprint = {};
  const kept: MergeField[] = [];
  const conflicts: MergeField[] = [];
  const decide = (field: MergeField, side: Side): boolean => {
    if (importerTakes(side)) {
      written[field] = side.next;
      return true;
    }
    // A legacy row adopts the current value as its baseline: this run keeps it and says so.
    written[field] = side.last === undefined || side.last === UNKNOWN ? side.cur : side.last;
    kept.push(field);
    if (side.next !== side.last) conflicts.push(field);
    return false;
  };
  for (const g of Object.keys(GROUPS) as Group[]) {
    if (decide(g, { cur: groupKey(g, current), next: groupKey(g, next), last: last[g] })) continue;
    for (const k of GROUPS[g]) Object.assign(values, { [k]: current[k] });
  }
  const cur = bodyCut(current.body);
  const nxt = bodyCut(next.body);
  const takeText = decide("body", { cur: hash(textKey(cur.text)), next: hash(textKey(nxt.text)), last: last.body });
  const takeCut = decide("paywall", { cur: atKey(cur.at), next: atKey(nxt.at), last: last.paywall });
  if (!takeText && !takeCut) values.body = current.body;
  else if (!takeText || !takeCut) values.body = placeCut(takeText ? nxt.text : cur.text, takeCut ? nxt.at : cur.at);
  return { values, written, kept, conflicts };
}

// What the importer wrote before import_items.written existed: every piece public, ungated, with
// three preview paragraphs. `reconstructed` is the whole of it when the caller can rebuild it
// (the post is unchanged in WordPress since); otherwise only those constants are known, the
// paywall position is taken as the importer's (it only ever came from `<!--more-->`), and every
// other field counts as possibly the editor's.
export function legacyFingerprint(current: PieceValues, reconstructed: PieceValues | null): Fingerprint {
  if (reconstructed) return fingerprint(reconstructed);
  const known = fingerprint({ ...current, access: "public", unlockAt: null, previewParagraphs: 3 });
  const out: Fingerprint = {};
  for (const key of Object.keys(known)) out[key] = UNKNOWN;
  return { ...out, access: known.access, previewParagraphs: known.previewParagraphs, paywall: known.paywall };
}
