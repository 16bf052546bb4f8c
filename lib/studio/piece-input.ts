import { z } from "zod";
import { articleStatuses, locales } from "@/db/schema";

// The fields of a piece as the Admin API (design §9) and the studio editor send them. Instants are
// ISO 8601 with an offset; the Admin API contract fields come first, the rest are optional extras.
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const text = (max: number) => z.string().max(max);

export const pieceFieldsSchema = z
  .object({
    title: z.string().trim().min(1, "제목을 입력하세요 (title is required).").max(300),
    slug: z.string().trim().min(1).max(200).optional(),
    dek: z.array(text(500)).max(5).optional(),
    body: z.string().max(500_000),
    locale: z.enum(locales).optional(),
    access: z.string().trim().min(1).max(64),
    unlockAt: instant.nullable().optional(),
    status: z.enum(articleStatuses),
    publishAt: instant.nullable().optional(),
    authorEmail: z.email().optional(),
    section: z.string().trim().max(100).nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(30).optional(),
    // Extras beyond the contract: several bylines, the preview cut, hero image and SEO fields.
    authorEmails: z.array(z.email()).max(10).optional(),
    authorSlugs: z.array(z.string().min(1).max(100)).max(10).optional(),
    previewParagraphs: z.number().int().min(1).max(50).optional(),
    // Site paths only (/images/…, uploads): the reader pages render heroes with next/image, which
    // refuses hosts next.config does not list.
    heroImage: z
      .union([
        z.literal(""),
        z
          .string()
          .max(1000)
          .regex(/^\/(?!\/)[^\s\\]*$/, "대표 이미지는 /로 시작하는 사이트 경로여야 합니다 (업로드하거나 /images/… 사용)."),
      ])
      .nullable()
      .optional(),
    heroAlt: text(500).optional(),
    heroCaption: text(1000).optional(),
    heroCredit: text(300).optional(),
    seoTitle: text(300).nullable().optional(),
    seoDescription: text(500).nullable().optional(),
    // Send the piece as the publication's newsletter when it goes live (design §11); false takes
    // back a send that has not started. Left out: unchanged.
    newsletter: z.boolean().optional(),
  })
  .strict();

export type PieceFields = z.infer<typeof pieceFieldsSchema>;

// PATCH: any subset of the fields.
export const piecePatchSchema = pieceFieldsSchema.partial().strict();
export type PiecePatch = z.infer<typeof piecePatchSchema>;
