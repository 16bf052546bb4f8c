-- Several publications (issue 16): today's single site becomes the primary publication, and every
-- per-site row is its. Hand-written data step between two generated schema steps (0009 adds the
-- nullable columns, 0011 makes them NOT NULL and per-publication unique). Nothing is deleted.
INSERT INTO "publications" ("slug", "name", "name_en", "tagline", "tagline_en", "locale", "is_primary")
SELECT 'main', '마스트헤드', 'Masthead', '깊이 읽는 연구와 뉴스', 'Research and news, read in depth', 'ko', true
WHERE NOT EXISTS (SELECT 1 FROM "publications" WHERE "is_primary");--> statement-breakpoint
UPDATE "tiers" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "authors" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "sections" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "tags" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "articles" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "grants" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "comment_bans" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "private_feeds" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "redirects" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "import_items" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
-- Existing tokens worked on the whole (single) site: they stay tokens of the primary publication.
UPDATE "api_tokens" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
UPDATE "audit_log" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL;--> statement-breakpoint
-- Billing records whose tier is known belong to the primary; events stay as they were ledgered.
UPDATE "stripe_subscriptions" SET "publication_id" = (SELECT "id" FROM "publications" WHERE "is_primary") WHERE "publication_id" IS NULL AND "tier_slug" IS NOT NULL;
