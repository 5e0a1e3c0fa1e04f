CREATE TYPE "public"."awaiting_party" AS ENUM('staff', 'requester');--> statement-breakpoint
CREATE TYPE "public"."closed_reason" AS ENUM('confirmed', 'auto_closed', 'staff');--> statement-breakpoint
CREATE TYPE "public"."message_author_type" AS ENUM('requester', 'staff', 'system');--> statement-breakpoint
CREATE TYPE "public"."message_channel" AS ENUM('web', 'email', 'api');--> statement-breakpoint
CREATE TYPE "public"."message_kind" AS ENUM('reply', 'note');--> statement-breakpoint
ALTER TYPE "public"."outbox_kind" ADD VALUE 'staff_reply';--> statement-breakpoint
ALTER TYPE "public"."outbox_kind" ADD VALUE 'resolution_reminder';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'message_added';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'resolution_confirmed';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'resolution_rejected';--> statement-breakpoint
ALTER TYPE "public"."ticket_event_type" ADD VALUE 'satisfaction_rated';--> statement-breakpoint
CREATE TABLE "ticket_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ticket_id" integer NOT NULL,
	"kind" "message_kind" NOT NULL,
	"author_type" "message_author_type" NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"channel" "message_channel" NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "message_id" integer;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "in_reply_to" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "last_message_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "awaiting" "awaiting_party" DEFAULT 'staff';--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "closed_reason" "closed_reason";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolved_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "reminder_queued_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "satisfaction_rating" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "satisfaction_comment" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "satisfaction_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "reply_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_messages_ticket_idx" ON "ticket_messages" USING btree ("ticket_id","id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_ticket_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."ticket_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_message_idx" ON "attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "tickets_resolved_at_idx" ON "tickets" USING btree ("resolved_at") WHERE "tickets"."status" = 'resolved';--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_replyToken_unique" UNIQUE("reply_token");--> statement-breakpoint
-- Tickets filed before the conversation: their message becomes the first one, with the files filed with it
-- (written in the ticket's own transaction, so with its exact timestamp); whose turn it is follows the status.
INSERT INTO "ticket_messages" ("ticket_id", "kind", "author_type", "author_name", "body", "channel", "created_at")
SELECT "id", 'reply', 'requester', "full_name", "message", 'web', "created_at" FROM "tickets" ORDER BY "id";--> statement-breakpoint
UPDATE "attachments" SET "message_id" = m."id"
FROM "ticket_messages" m JOIN "tickets" t ON t."id" = m."ticket_id"
WHERE "attachments"."ticket_id" = t."id" AND "attachments"."created_at" = t."created_at";--> statement-breakpoint
UPDATE "tickets" SET
  "last_message_at" = "created_at",
  "awaiting" = CASE "status" WHEN 'closed' THEN NULL WHEN 'resolved' THEN 'requester'::"awaiting_party" ELSE 'staff'::"awaiting_party" END,
  "resolved_at" = CASE WHEN "status" = 'resolved' THEN "updated_at" END;
