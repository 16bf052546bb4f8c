import "server-only";
import { siteUrl } from "@/lib/env";
import { publicationOrigin, type PublicationRef } from "@/lib/publications/model";
import { unsubscribeKey } from "./keys";
import { signUnsubscribeToken } from "./unsubscribe-token";

// Outside /api: the confirm page is a document with a form (API responses allow neither).
export const UNSUBSCRIBE_PATH = "/email/unsubscribe";

// The one-click unsubscribe URL of (member, publication) on the publication's own host, and the
// optional mailto: (design §11: List-Unsubscribe carries both).
export function unsubscribeLinks(pub: PublicationRef, memberId: number, mailto: string | null): { url: string; mailto: string | null } {
  const token = signUnsubscribeToken(unsubscribeKey(), memberId, pub.id);
  return {
    url: `${publicationOrigin(pub, siteUrl())}${UNSUBSCRIBE_PATH}/${token}`,
    mailto: mailto ? `mailto:${mailto}?subject=${encodeURIComponent(`unsubscribe ${token}`)}` : null,
  };
}

// One Message-ID per queue row, on the publication's host.
export function keyedMessageId(deliveryId: number, pub: PublicationRef): string {
  const host = pub.hosts[0] ?? new URL(siteUrl()).hostname;
  return `<mh-${deliveryId}.${pub.slug}@${host}>`;
}
