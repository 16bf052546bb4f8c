import { publicationById } from "@/lib/publications/table";
import { DEFAULT_TIME_ZONE } from "@/lib/time/format";

// The zone the studio prints a publication's times in: its own (publications.time_zone).
export function studioTimeZone(publicationId: number): string {
  return publicationById(publicationId)?.timeZone ?? DEFAULT_TIME_ZONE;
}
