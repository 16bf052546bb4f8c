import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, ownedBy } from "./columns";
import { members } from "./members";
import type { Locale } from "./content";

export const paymentProviders = ["stripe", "portone"] as const;
export type PaymentProvider = (typeof paymentProviders)[number];

// A publication: one site of the install (design §10). Everything per site carries its id; members
// are one identity across the install.
export const publications = pgTable(
  "publications",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    // English name and tagline for the English UI; the Korean ones when unset.
    nameEn: text("name_en"),
    tagline: text("tagline").notNull().default(""),
    taglineEn: text("tagline_en"),
    // The language of its pieces by default, and of its bare paths (the other one lives under /ko or /en).
    locale: text("locale").$type<Locale>().notNull().default("ko"),
    timeZone: text("time_zone").notNull().default("Asia/Seoul"),
    accentColor: text("accent_color").notNull().default("#9a3412"),
    logoUrl: text("logo_url"),
    // The primary publication owns SITE_URL's host and answers every host no publication names.
    isPrimary: boolean("is_primary").notNull().default(false),
    // Who takes its payments (design §12): Stripe by default, or PortOne (Korean PGs, billing keys).
    paymentProvider: text("payment_provider").$type<PaymentProvider>().notNull().default("stripe"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("publications_one_primary_idx")
      .on(t.isPrimary)
      .where(sql`${t.isPrimary}`),
  ],
);

// Hostnames (lower-case, no port) a publication answers on; the first by position is canonical.
export const publicationHosts = pgTable(
  "publication_hosts",
  {
    hostname: text("hostname").primaryKey(),
    publicationId: ownedBy("publication_id", () => publications.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("publication_hosts_publication_idx").on(t.publicationId, t.position)],
);

export const staffRoles = ["editor", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

// Editors and admins of one publication. A member's network role (members.role) applies to every
// publication on top of these.
export const publicationStaff = pgTable(
  "publication_staff",
  {
    publicationId: ownedBy("publication_id", () => publications.id),
    memberId: ownedBy("member_id", () => members.id),
    role: text("role").$type<StaffRole>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.memberId] }), index("publication_staff_member_idx").on(t.memberId)],
);

export type Publication = typeof publications.$inferSelect;
export type NewPublication = typeof publications.$inferInsert;
export type PublicationHost = typeof publicationHosts.$inferSelect;
export type PublicationStaffRow = typeof publicationStaff.$inferSelect;
