import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/studio/guard";
import { PageTitle } from "../../_components/ui";
import { loadEditorOptions } from "../_components/editor-options";
import { PieceEditor } from "../_components/piece-editor";
import { emptyPiece } from "../_components/types";

export default async function NewPiecePage() {
  const actor = await requireStaffPage("editor");
  const options = await loadEditorOptions(await getDb(), actor.publicationId);
  return (
    <div>
      <PageTitle>새 기사</PageTitle>
      <PieceEditor initial={emptyPiece} options={options} />
    </div>
  );
}
