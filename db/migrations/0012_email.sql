CREATE TABLE "email_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"publication_id" integer NOT NULL,
	"member_id" integer,
	"email" text NOT NULL,
	"domain" text NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"send_id" integer,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claim" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"variant" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"email" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_sends" (
	"id" serial PRIMARY KEY NOT NULL,
	"publication_id" integer NOT NULL,
	"article_id" integer NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"requested_by" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "publication_members" (
	"publication_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"newsletter" boolean DEFAULT true NOT NULL,
	"newsletter_changed_at" timestamp with time zone,
	"notify_replies" boolean DEFAULT false NOT NULL,
	"lang" text,
	"welcomed_at" timestamp with time zone,
	CONSTRAINT "publication_members_publication_id_member_id_pk" PRIMARY KEY("publication_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_send_id_newsletter_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."newsletter_sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_sends" ADD CONSTRAINT "newsletter_sends_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_sends" ADD CONSTRAINT "newsletter_sends_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_members" ADD CONSTRAINT "publication_members_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_members" ADD CONSTRAINT "publication_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_deliveries_dedupe_idx" ON "email_deliveries" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "email_deliveries_due_idx" ON "email_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_deliveries_send_idx" ON "email_deliveries" USING btree ("send_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_sends_article_idx" ON "newsletter_sends" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "newsletter_sends_status_idx" ON "newsletter_sends" USING btree ("status","publication_id");--> statement-breakpoint
CREATE INDEX "publication_members_member_idx" ON "publication_members" USING btree ("member_id");--> statement-breakpoint
-- Every member so far has an account at the primary publication and at each publication they
-- hold a grant in; they were welcomed long ago, so no welcome notice goes out for them.
INSERT INTO "publication_members" ("publication_id", "member_id", "source", "joined_at", "welcomed_at")
SELECT p."id", m."id", 'migration', m."created_at", now() FROM "members" m CROSS JOIN "publications" p WHERE p."is_primary"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "publication_members" ("publication_id", "member_id", "source", "joined_at", "welcomed_at")
SELECT DISTINCT g."publication_id", g."member_id", 'migration', now(), now() FROM "grants" g
ON CONFLICT DO NOTHING;
