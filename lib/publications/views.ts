import type { PublicationRow } from "@/db/queries/publications";
import type { PublicationRef } from "./model";

export function toPublicationRef(row: PublicationRow): PublicationRef {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    nameEn: row.nameEn,
    tagline: row.tagline,
    taglineEn: row.taglineEn,
    locale: row.locale,
    timeZone: row.timeZone,
    accentColor: row.accentColor,
    logoUrl: row.logoUrl,
    isPrimary: row.isPrimary,
    hosts: row.hosts,
  };
}
