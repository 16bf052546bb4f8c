import "server-only";
import type { Db } from "@/db/client";
import { listTiers } from "@/db/queries/taxonomy";
import type { StudioArticle } from "@/db/queries/studio-articles";
import { siteUrl } from "@/lib/env";
import { publicationOrigin, type PublicationRef } from "@/lib/publications/model";
import { renderNewsletter } from "./newsletter";
import { newsletterWeight, toNewsletterPiece, type NewsletterWeight } from "./newsletter-piece";
import { brandOf } from "./render-batch";

// The weight of a piece's full newsletter copy, for the studio's warning before it is sent.
export async function pieceNewsletterWeight(db: Db, pub: PublicationRef, article: StudioArticle): Promise<NewsletterWeight> {
  const lang = article.locale;
  const origin = publicationOrigin(pub, siteUrl());
  const required = (await listTiers(db, pub.id)).find((t) => t.slug === article.access);
  const piece = toNewsletterPiece(article, origin, required ? (lang === "en" ? required.nameEn || required.name : required.name) : null);
  const mail = renderNewsletter(brandOf(pub, lang), lang, piece, "full", { pricing: `${origin}/pricing`, account: `${origin}/account` });
  return newsletterWeight(mail.html);
}
