import { createHash } from "node:crypto";
import type { PieceValues } from "./wxr-merge";
import type { PlannedPiece } from "./wxr-plan";

// The hash of a planned piece stored in import_items.checksum: an item whose plan hashes the same
// is unchanged and skipped.
export const pieceChecksum = (piece: PlannedPiece) => createHash("sha256").update(JSON.stringify(piece)).digest("hex");

// Items imported before import_items.written existed have only that checksum. For a
// password-protected post, those importers wrote the plan without protection (and public): if
// that plan hashes to the stored checksum, the post has not changed in WordPress since, and what
// was written can be rebuilt exactly — so a re-import of the same file gates the piece unless an
// editor has changed it. Null when it cannot be rebuilt (the caller then knows only the constants).
export function reconstructLegacyWrite(piece: PlannedPiece, storedChecksum: string, current: PieceValues, next: PieceValues): PieceValues | null {
  if (!piece.protected) return null;
  // Spreading keeps the key order of the plan, which the checksum depends on.
  const { protected: gate, ...rest } = piece;
  const legacy: PlannedPiece = { ...rest, body: gate.unprotected.body, dek: gate.unprotected.dek };
  if (pieceChecksum(legacy) !== storedChecksum) return null;
  // Those importers renamed a slug taken by another piece to `<slug>-wp<id>`, and stamped an
  // undated published post with the time of the import.
  const slugs = [piece.slug, `${piece.slug}-wp${piece.wpId}`];
  return {
    ...next,
    slug: slugs.includes(current.slug) ? current.slug : piece.slug,
    body: gate.unprotected.body,
    dek: gate.unprotected.dek,
    locale: "ko",
    status: piece.status,
    publishAt: piece.publishAt ?? (piece.status === "draft" ? null : current.publishAt),
    access: "public",
    unlockAt: null,
    previewParagraphs: 3,
  };
}
