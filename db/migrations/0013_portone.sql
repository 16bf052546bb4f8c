CREATE TABLE "portone_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"period_index" integer NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'READY' NOT NULL,
	"paid_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"failure_reason" text,
	"cancelled_amount" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"freshness" text,
	"snapshot" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portone_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"publication_id" integer NOT NULL,
	"tier_slug" text NOT NULL,
	"interval" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" text DEFAULT 'krw' NOT NULL,
	"billing_key" text NOT NULL,
	"status" text DEFAULT 'incomplete' NOT NULL,
	"started_at" timestamp with time zone,
	"period_index" integer DEFAULT 0 NOT NULL,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"canceled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"next_charge_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"lease_until" timestamp with time zone,
	"lease_owner" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portone_webhook_attempts" (
	"webhook_id" text NOT NULL,
	"timestamp" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portone_webhook_attempts_webhook_id_timestamp_pk" PRIMARY KEY("webhook_id","timestamp")
);
--> statement-breakpoint
CREATE TABLE "price_change_notices" (
	"price_change_id" integer NOT NULL,
	"subscription_id" text NOT NULL,
	"member_id" integer NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "price_change_notices_price_change_id_subscription_id_pk" PRIMARY KEY("price_change_id","subscription_id")
);
--> statement-breakpoint
CREATE TABLE "price_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"publication_id" integer NOT NULL,
	"tier_slug" text NOT NULL,
	"interval" text NOT NULL,
	"old_amount" integer,
	"new_amount" integer NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "provider" text DEFAULT 'stripe' NOT NULL;--> statement-breakpoint
ALTER TABLE "stripe_subscriptions" ADD COLUMN "provider" text DEFAULT 'stripe' NOT NULL;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "payment_provider" text DEFAULT 'stripe' NOT NULL;--> statement-breakpoint
ALTER TABLE "portone_payments" ADD CONSTRAINT "portone_payments_subscription_id_portone_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."portone_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portone_subscriptions" ADD CONSTRAINT "portone_subscriptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portone_subscriptions" ADD CONSTRAINT "portone_subscriptions_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_notices" ADD CONSTRAINT "price_change_notices_price_change_id_price_changes_id_fk" FOREIGN KEY ("price_change_id") REFERENCES "public"."price_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_notices" ADD CONSTRAINT "price_change_notices_subscription_id_portone_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."portone_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_change_notices" ADD CONSTRAINT "price_change_notices_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_changes" ADD CONSTRAINT "price_changes_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portone_payments_period_idx" ON "portone_payments" USING btree ("subscription_id","period_index");--> statement-breakpoint
CREATE INDEX "portone_subscriptions_due_idx" ON "portone_subscriptions" USING btree ("status","next_charge_at");--> statement-breakpoint
CREATE INDEX "portone_subscriptions_member_idx" ON "portone_subscriptions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "price_changes_tier_idx" ON "price_changes" USING btree ("publication_id","tier_slug","interval");