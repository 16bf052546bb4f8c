"use server";

import { refresh } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { requireStaffAction } from "@/lib/studio/guard";
import { revalidateContent } from "@/lib/studio/revalidate";
import { authorSchema, saveAuthor, saveSection, saveTag, sectionSchema, tagSchema, type TaxonomyKind } from "@/lib/studio/taxonomy";

const fields = (fd: FormData) => Object.fromEntries([...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));

// Authors, sections and tags: editors and admins. Names show on cards, bylines and section pages of
// every tier, so the lists and taxonomy caches refresh.
export async function saveTaxonomyAction(
  kind: TaxonomyKind,
  id: number | null,
  _prev: ActionResult<{ id: number }> | null,
  fd: FormData,
): Promise<ActionResult<{ id: number }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const db = await getDb();
    const input = fields(fd);
    const row =
      kind === "author"
        ? await saveAuthor(db, actor, id, authorSchema.parse(input))
        : kind === "section"
          ? await saveSection(db, actor, id, sectionSchema.parse(input))
          : await saveTag(db, actor, id, tagSchema.parse(input));
    revalidateContent({ publicationId: actor.publicationId, slugs: [], lists: true, taxonomy: true });
    refresh();
    return { id: row.id };
  });
}
