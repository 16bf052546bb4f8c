CREATE TABLE "tier_includes" (
	"tier_id" integer NOT NULL,
	"included_tier_id" integer NOT NULL,
	CONSTRAINT "tier_includes_tier_id_included_tier_id_pk" PRIMARY KEY("tier_id","included_tier_id")
);
--> statement-breakpoint
CREATE TABLE "publication_hosts" (
	"hostname" text PRIMARY KEY NOT NULL,
	"publication_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_staff" (
	"publication_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publication_staff_publication_id_member_id_pk" PRIMARY KEY("publication_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"tagline" text DEFAULT '' NOT NULL,
	"tagline_en" text,
	"locale" text DEFAULT 'ko' NOT NULL,
	"time_zone" text DEFAULT 'Asia/Seoul' NOT NULL,
	"accent_color" text DEFAULT '#9a3412' NOT NULL,
	"logo_url" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "authors" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "tags" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "tiers" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "stripe_subscriptions" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "comment_bans" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "import_items" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "redirects" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "private_feeds" ADD COLUMN "publication_id" integer;--> statement-breakpoint
ALTER TABLE "tier_includes" ADD CONSTRAINT "tier_includes_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_includes" ADD CONSTRAINT "tier_includes_included_tier_id_tiers_id_fk" FOREIGN KEY ("included_tier_id") REFERENCES "public"."tiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_hosts" ADD CONSTRAINT "publication_hosts_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_staff" ADD CONSTRAINT "publication_staff_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_staff" ADD CONSTRAINT "publication_staff_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tier_includes_included_idx" ON "tier_includes" USING btree ("included_tier_id");--> statement-breakpoint
CREATE INDEX "publication_hosts_publication_idx" ON "publication_hosts" USING btree ("publication_id","position");--> statement-breakpoint
CREATE INDEX "publication_staff_member_idx" ON "publication_staff" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_one_primary_idx" ON "publications" USING btree ("is_primary") WHERE "publications"."is_primary";--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authors" ADD CONSTRAINT "authors_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tiers" ADD CONSTRAINT "tiers_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_subscriptions" ADD CONSTRAINT "stripe_subscriptions_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_bans" ADD CONSTRAINT "comment_bans_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_items" ADD CONSTRAINT "import_items_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redirects" ADD CONSTRAINT "redirects_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_feeds" ADD CONSTRAINT "private_feeds_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;