import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachRelations } from "@/db/queries/articles";
import { listAllTiers, listPublications } from "@/db/queries/publications";
import { articles, grants, newsletterSends, publicationMembers, type EmailDelivery, type PublicationMember } from "@/db/schema";
import { newsletterVariant, type NetworkGrant, type NetworkTier, type NewsletterVariant } from "@/lib/access";
import { toGrantLike, toNetworkTiers } from "@/lib/auth/member-access";
import { getEnv, siteUrl } from "@/lib/env";
import { localePath, type UiLang } from "@/lib/i18n";
import { publicationName, publicationOrigin, type PublicationRef } from "@/lib/publications/model";
import { toPublicationRef } from "@/lib/publications/views";
import type { OutgoingMail } from "./compose";
import { keyedMessageId, unsubscribeLinks } from "./links";
import type { MailBrand, RenderedMail } from "./layout";
import { personalize, renderNewsletter, type NewsletterPiece } from "./newsletter";
import { toNewsletterPiece } from "./newsletter-piece";
import { noticePayloadSchema } from "./notice-payloads";
import { renderNotice } from "./notices";

// Turns claimed queue rows into messages. Everything a batch needs is loaded in a few queries
// (publications, tiers, the batch's account rows and grants, each send's piece once), so the cost
// per message is rendering, not reading.

export type Prepared =
  | { row: EmailDelivery; mail: OutgoingMail; variant: NewsletterVariant | null }
  | { row: EmailDelivery; skip: "unsubscribed" | "invalid" | "gone"; detail: string };

type SendPiece = {
  pub: PublicationRef;
  piece: NewsletterPiece;
  gate: { access: string; unlockAt: Date | null };
  lang: UiLang;
  copies: Map<NewsletterVariant, RenderedMail>;
};

const PIECE_TTL_MS = 60_000;
// Per database handle (ids are only unique within one database).
type Caches = { pieces: Map<number, { at: number; value: SendPiece | null }>; pubs: { at: number; byId: Map<number, PublicationRef> } | null };
const cachesByDb = new WeakMap<Db, Caches>();
function caches(db: Db): Caches {
  let c = cachesByDb.get(db);
  if (!c) cachesByDb.set(db, (c = { pieces: new Map(), pubs: null }));
  return c;
}

async function publications(db: Db): Promise<Map<number, PublicationRef>> {
  const c = caches(db);
  if (c.pubs && Date.now() - c.pubs.at < PIECE_TTL_MS) return c.pubs.byId;
  const rows = await listPublications(db);
  c.pubs = { at: Date.now(), byId: new Map(rows.map((r) => [r.id, toPublicationRef(r)])) };
  return c.pubs.byId;
}

export const brandOf = (pub: PublicationRef, lang: UiLang): MailBrand => ({
  name: publicationName(pub, lang),
  accentColor: pub.accentColor,
  logoUrl: pub.logoUrl,
  origin: publicationOrigin(pub, siteUrl()),
  timeZone: pub.timeZone,
});

// The piece of a send as it reads now (cached a minute: a send of 10,000 renders it twice).
async function sendPiece(db: Db, sendId: number, pubs: Map<number, PublicationRef>): Promise<SendPiece | null> {
  const pieceCache = caches(db).pieces;
  const hit = pieceCache.get(sendId);
  if (hit && Date.now() - hit.at < PIECE_TTL_MS) return hit.value;
  const [found] = await db
    .select({ article: articles })
    .from(newsletterSends)
    .innerJoin(articles, eq(articles.id, newsletterSends.articleId))
    .where(eq(newsletterSends.id, sendId))
    .limit(1);
  const pub = found ? pubs.get(found.article.publicationId) : undefined;
  let value: SendPiece | null = null;
  if (found && pub) {
    const [row] = await attachRelations(db, [found.article]);
    const { tiers: tierRows } = await listAllTiers(db);
    const required = tierRows.find((t) => t.publicationId === row.publicationId && t.slug === row.access);
    const lang: UiLang = row.locale;
    const requiredName = required ? (lang === "en" ? required.nameEn || required.name : required.name) : null;
    value = {
      pub,
      lang,
      gate: { access: row.access, unlockAt: row.unlockAt },
      copies: new Map(),
      piece: toNewsletterPiece(row, publicationOrigin(pub, siteUrl()), requiredName),
    };
  }
  pieceCache.set(sendId, { at: Date.now(), value });
  return value;
}

export async function prepareBatch(db: Db, rows: EmailDelivery[], now: Date): Promise<Prepared[]> {
  const pubs = await publications(db);
  const memberIds = [...new Set(rows.map((r) => r.memberId).filter((id): id is number => id !== null))];
  const [accounts, memberGrants, tierData] = await Promise.all([
    memberIds.length ? db.select().from(publicationMembers).where(inArray(publicationMembers.memberId, memberIds)) : Promise.resolve([] as PublicationMember[]),
    rows.some((r) => r.kind === "newsletter") && memberIds.length
      ? db
          .select()
          .from(grants)
          .where(and(inArray(grants.memberId, memberIds)))
      : Promise.resolve([]),
    rows.some((r) => r.kind === "newsletter") ? listAllTiers(db) : Promise.resolve(null),
  ]);
  const network: NetworkTier[] = tierData ? toNetworkTiers(tierData.tiers, tierData.includes) : [];
  const grantsOf = new Map<number, NetworkGrant[]>();
  for (const g of memberGrants) grantsOf.set(g.memberId, [...(grantsOf.get(g.memberId) ?? []), toGrantLike(g)]);
  const accountOf = (pubId: number, memberId: number | null) => accounts.find((a) => a.publicationId === pubId && a.memberId === memberId) ?? null;

  const out: Prepared[] = [];
  for (const row of rows) {
    const pub = pubs.get(row.publicationId);
    if (!pub) {
      out.push({ row, skip: "gone", detail: "the publication no longer exists" });
      continue;
    }
    const account = accountOf(row.publicationId, row.memberId);
    const messageId = keyedMessageId(row.id, pub);
    if (row.kind === "newsletter") {
      // Unsubscribed after the send was queued: nothing goes out.
      if (!account || !account.newsletter || row.sendId === null) {
        out.push({ row, skip: "unsubscribed", detail: "unsubscribed before this copy went out" });
        continue;
      }
      const send = await sendPiece(db, row.sendId, pubs);
      if (!send) {
        out.push({ row, skip: "gone", detail: "the piece was deleted" });
        continue;
      }
      const variant = newsletterVariant(send.gate, { grants: grantsOf.get(row.memberId!) ?? [], tiers: network, publicationId: row.publicationId, now });
      let copy = send.copies.get(variant);
      if (!copy) {
        const origin = publicationOrigin(pub, siteUrl());
        copy = renderNewsletter(brandOf(pub, send.lang), send.lang, send.piece, variant, {
          pricing: origin + localePath(send.lang, "/pricing"),
          account: origin + localePath(send.lang, "/account"),
        });
        send.copies.set(variant, copy);
      }
      const unsubscribe = unsubscribeLinks(pub, row.memberId!, getEnv().EMAIL_UNSUBSCRIBE_MAILTO ?? null);
      out.push({ row, variant, mail: { ...personalize(copy, unsubscribe.url), to: row.email, unsubscribe, messageId } });
      continue;
    }
    const parsed = noticePayloadSchema.safeParse({ ...row.payload, kind: row.kind });
    if (!parsed.success) {
      out.push({ row, skip: "invalid", detail: `the notice payload is invalid: ${parsed.error.issues[0]?.message ?? ""}` });
      continue;
    }
    const lang: UiLang = account?.lang ?? pub.locale;
    const origin = publicationOrigin(pub, siteUrl());
    const rendered = renderNotice(brandOf(pub, lang), lang, parsed.data, {
      home: origin + localePath(lang, "/"),
      pricing: origin + localePath(lang, "/pricing"),
      account: origin + localePath(lang, "/account"),
      signin: origin + localePath(lang, "/signin"),
    });
    out.push({ row, variant: null, mail: { ...rendered, to: row.email, messageId } });
  }
  return out;
}
