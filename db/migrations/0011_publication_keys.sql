CREATE TABLE "access_generation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" DROP CONSTRAINT "articles_slug_unique";--> statement-breakpoint
ALTER TABLE "authors" DROP CONSTRAINT "authors_slug_unique";--> statement-breakpoint
ALTER TABLE "authors" DROP CONSTRAINT "authors_email_unique";--> statement-breakpoint
ALTER TABLE "sections" DROP CONSTRAINT "sections_slug_unique";--> statement-breakpoint
ALTER TABLE "tags" DROP CONSTRAINT "tags_slug_unique";--> statement-breakpoint
ALTER TABLE "tiers" DROP CONSTRAINT "tiers_slug_unique";--> statement-breakpoint
ALTER TABLE "tiers" DROP CONSTRAINT "tiers_rank_unique";--> statement-breakpoint
ALTER TABLE "redirects" DROP CONSTRAINT "redirects_from_path_unique";--> statement-breakpoint
DROP INDEX "articles_publish_idx";--> statement-breakpoint
DROP INDEX "import_items_key_idx";--> statement-breakpoint
DROP INDEX "private_feeds_one_live_idx";--> statement-breakpoint
ALTER TABLE "articles" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "authors" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tags" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tiers" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "grants" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "comment_bans" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "import_items" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "redirects" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "private_feeds" ALTER COLUMN "publication_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "stripe_subscriptions" ADD COLUMN "pending_email" text;--> statement-breakpoint
ALTER TABLE "stripe_subscriptions" ADD COLUMN "pending_name" text;--> statement-breakpoint
CREATE UNIQUE INDEX "articles_publication_slug_idx" ON "articles" USING btree ("publication_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "authors_publication_slug_idx" ON "authors" USING btree ("publication_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "authors_publication_email_idx" ON "authors" USING btree ("publication_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "sections_publication_slug_idx" ON "sections" USING btree ("publication_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "tags_publication_slug_idx" ON "tags" USING btree ("publication_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_publication_slug_idx" ON "tiers" USING btree ("publication_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "tiers_publication_rank_idx" ON "tiers" USING btree ("publication_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "redirects_publication_from_idx" ON "redirects" USING btree ("publication_id","from_path");--> statement-breakpoint
CREATE INDEX "articles_publish_idx" ON "articles" USING btree ("publication_id","status","publish_at");--> statement-breakpoint
CREATE UNIQUE INDEX "import_items_key_idx" ON "import_items" USING btree ("publication_id","source","kind","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "private_feeds_one_live_idx" ON "private_feeds" USING btree ("member_id","publication_id") WHERE "private_feeds"."revoked_at" is null;