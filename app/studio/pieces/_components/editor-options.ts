import type { Db } from "@/db/client";
import { listAuthors, listSections, listTiers } from "@/db/queries/taxonomy";
import { isPaidTier } from "@/lib/access";
import type { EditorOptions } from "./types";

export async function loadEditorOptions(db: Db, pub: number): Promise<EditorOptions> {
  const [sections, authors, tiers] = await Promise.all([listSections(db, pub), listAuthors(db, pub), listTiers(db, pub)]);
  return {
    sections: sections.map((s) => ({ value: s.slug, label: s.name })),
    authors: authors.map((a) => ({ value: a.slug, label: a.name })),
    access: [
      { value: "public", label: "공개 (public)" },
      { value: "free", label: "회원 전용 (free)" },
      ...tiers.filter(isPaidTier).map((t) => ({ value: t.slug, label: `${t.name} (${t.slug})` })),
    ],
  };
}
