"use server";

import { getDb } from "@/db/client";
import { listTiers } from "@/db/queries/taxonomy";
import { toTierRef } from "@/lib/auth/member-access";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { requireStaffAction } from "@/lib/studio/guard";
import { pieceFieldsFromForm } from "@/lib/studio/piece-form";
import { pieceFieldsSchema } from "@/lib/studio/piece-input";
import { createPiece, removePiece, updatePiece } from "@/lib/studio/pieces";
import { afterContentChange } from "@/lib/studio/revalidate";
import { previewForTiers, type TierPreview } from "@/lib/studio/tier-preview";
import { z } from "zod";

export type SavedPiece = { id: number; slug: string; status: string };

// Create (id null) or update a piece from the editor form. Editors and admins only.
export async function savePieceAction(id: number | null, _prev: ActionResult<SavedPiece> | null, formData: FormData): Promise<ActionResult<SavedPiece>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const db = await getDb();
    const fields = pieceFieldsSchema.parse(pieceFieldsFromForm(formData));
    const change = id === null ? await createPiece(db, actor, fields) : await updatePiece(db, actor, id, fields);
    afterContentChange({ publicationId: change.publicationId, slugs: change.slugs, lists: true, related: change.related });
    return { id: change.article.id, slug: change.article.slug, status: change.article.status };
  });
}

export async function deletePieceAction(id: number): Promise<ActionResult<{ id: number }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const change = await removePiece(await getDb(), actor, z.number().int().positive().parse(id));
    afterContentChange({ publicationId: change.publicationId, slugs: change.slugs, lists: true, related: change.related });
    return { id: change.article.id };
  });
}

const previewInput = z.object({
  body: z.string().max(500_000),
  access: z.string().max(64),
  unlockAt: z.iso.datetime({ offset: true }).nullable(),
  previewParagraphs: z.number().int().min(1).max(50),
});

// Live preview: what each cached tier render would show for the text being edited.
export async function previewPieceAction(input: z.input<typeof previewInput>): Promise<ActionResult<TierPreview[]>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const p = previewInput.parse(input);
    const tiers = (await listTiers(await getDb(), actor.publicationId)).map(toTierRef);
    return previewForTiers({ ...p, unlockAt: p.unlockAt ? new Date(p.unlockAt) : null }, tiers, new Date());
  });
}
