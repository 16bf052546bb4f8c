CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"created" timestamp with time zone NOT NULL,
	"livemode" boolean NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"object_id" text,
	"member_id" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"subscription_id" text,
	"customer_id" text,
	"status" text,
	"amount_paid" integer,
	"currency" text,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"charge_id" text,
	"invoice_id" text,
	"customer_id" text,
	"amount" integer,
	"amount_refunded" integer DEFAULT 0 NOT NULL,
	"refunded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" integer,
	"member_link_rank" integer DEFAULT 0 NOT NULL,
	"customer_id" text,
	"status" text,
	"tier_slug" text,
	"price_id" text,
	"interval" text,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"canceled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"snapshot_at" timestamp with time zone,
	"freshness" text,
	"snapshot" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stripe_events" ADD CONSTRAINT "stripe_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_subscriptions" ADD CONSTRAINT "stripe_subscriptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stripe_events_member_idx" ON "stripe_events" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "stripe_events_status_idx" ON "stripe_events" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "stripe_invoices_subscription_idx" ON "stripe_invoices" USING btree ("subscription_id");--> statement-breakpoint
CREATE INDEX "stripe_payments_invoice_idx" ON "stripe_payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "stripe_payments_charge_idx" ON "stripe_payments" USING btree ("charge_id");--> statement-breakpoint
CREATE INDEX "stripe_subscriptions_member_idx" ON "stripe_subscriptions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "stripe_subscriptions_customer_idx" ON "stripe_subscriptions" USING btree ("customer_id");