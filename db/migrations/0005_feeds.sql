CREATE TABLE "private_feeds" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "private_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "private_feeds" ADD CONSTRAINT "private_feeds_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "private_feeds_member_idx" ON "private_feeds" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "private_feeds_one_live_idx" ON "private_feeds" USING btree ("member_id") WHERE "private_feeds"."revoked_at" is null;