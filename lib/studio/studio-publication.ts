import type { PublicationRef, PublicationTable } from "@/lib/publications/model";
import { publicationForHost } from "@/lib/publications/model";

// Which publication the studio works on (design §10: one studio, a publication switcher): the one
// the switcher chose (a cookie naming its slug), else the publication at the request's host. Pure:
// the proxy and the studio's server code decide alike. Whether the member may work there is
// checked separately, on every page and action.
export const STUDIO_PUBLICATION_COOKIE = "mh_studio_pub";

export function studioPublicationOf(table: PublicationTable, hostHeader: string | null, cookieValue: string | undefined): PublicationRef {
  return (cookieValue && table.bySlug.get(cookieValue)) || publicationForHost(table, hostHeader);
}
