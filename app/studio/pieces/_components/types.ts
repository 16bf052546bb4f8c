import type { StudioArticle } from "@/db/queries/studio-articles";
import type { NewsletterSend } from "@/db/schema";
import type { PieceFormFields } from "@/lib/studio/piece-form";

// Serializable values handed from the editor page (server) to the editor form (client): the
// schema's fields as the form holds them (lib/studio/piece-form.ts), the piece's id and its
// newsletter send: none yet (null), waiting for the piece to go live, or under way/done.
export type PieceFormValues = PieceFormFields & {
  id: number | null;
  newsletter: { status: "waiting" | "queued" | "done" | null; recipients: number };
};

export type Option = { value: string; label: string };
export type EditorOptions = { sections: Option[]; authors: Option[]; access: Option[] };

export const emptyPiece: PieceFormValues = {
  id: null,
  title: "",
  slug: "",
  dek: "",
  body: "",
  locale: "ko",
  access: "public",
  unlockAt: null,
  status: "draft",
  publishAt: null,
  section: "",
  tags: "",
  authorSlugs: [],
  previewParagraphs: 3,
  heroImage: "",
  heroAlt: "",
  heroCaption: "",
  heroCredit: "",
  seoTitle: "",
  seoDescription: "",
  newsletter: { status: null, recipients: 0 },
};

export function toFormValues(a: StudioArticle, send: NewsletterSend | null = null): PieceFormValues {
  return {
    id: a.id,
    title: a.title,
    slug: a.slug,
    dek: a.dek.join("\n"),
    body: a.body,
    locale: a.locale,
    access: a.access,
    unlockAt: a.unlockAt?.toISOString() ?? null,
    status: a.status,
    publishAt: a.publishAt?.toISOString() ?? null,
    section: a.section?.slug ?? "",
    tags: a.tags.map((t) => t.name).join(", "),
    authorSlugs: a.authors.map((x) => x.slug),
    previewParagraphs: a.previewParagraphs,
    heroImage: a.heroImage ?? "",
    heroAlt: a.heroAlt,
    heroCaption: a.heroCaption,
    heroCredit: a.heroCredit,
    seoTitle: a.seoTitle ?? "",
    seoDescription: a.seoDescription ?? "",
    newsletter: { status: send?.status ?? null, recipients: send?.recipients ?? 0 },
  };
}
