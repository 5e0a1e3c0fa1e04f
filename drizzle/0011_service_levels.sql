ALTER TYPE "public"."ticket_event_type" ADD VALUE 'sla_breached';--> statement-breakpoint
CREATE TABLE "service_levels" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_replied_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_used_minutes" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_clock_since" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_reply_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolution_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_breaches" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "next_due_at" timestamp (3) with time zone GENERATED ALWAYS AS (coalesce(least("tickets"."first_reply_due_at", "tickets"."resolution_due_at"), '9999-12-31T00:00:00Z'::timestamptz)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_status_due_idx" ON "tickets" USING btree ("status","next_due_at","id");--> statement-breakpoint
CREATE INDEX "tickets_due_idx" ON "tickets" USING btree ("next_due_at","id");--> statement-breakpoint
CREATE INDEX "tickets_first_reply_due_idx" ON "tickets" USING btree ("first_reply_due_at") WHERE "tickets"."first_reply_due_at" is not null and not ('first_reply' = any("tickets"."sla_breaches"));--> statement-breakpoint
CREATE INDEX "tickets_resolution_due_idx" ON "tickets" USING btree ("resolution_due_at") WHERE "tickets"."resolution_due_at" is not null and not ('resolution' = any("tickets"."sla_breaches"));--> statement-breakpoint
-- Tickets from before service levels: their first staff reply stops their first-reply clock, and the resolution clock of
-- those waiting for staff runs from their last reply. The server fills in their deadlines when it starts (lib/sla/breach-job.ts).
UPDATE "tickets" SET "first_replied_at" = "first_reply"."at"
FROM (SELECT "ticket_id", min("created_at") AS "at" FROM "ticket_messages" WHERE "kind" = 'reply' AND "author_type" = 'staff' GROUP BY "ticket_id") AS "first_reply"
WHERE "first_reply"."ticket_id" = "tickets"."id";--> statement-breakpoint
UPDATE "tickets" SET "sla_clock_since" = "last_message_at" WHERE "status" IN ('open', 'in_progress') AND "awaiting" = 'staff';
