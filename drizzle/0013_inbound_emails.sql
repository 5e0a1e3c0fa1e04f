CREATE TYPE "public"."inbound_email_outcome" AS ENUM('reply', 'new_ticket', 'follow_up', 'ignored', 'rate_limited', 'refused');--> statement-breakpoint
CREATE TYPE "public"."inbound_email_source" AS ENUM('imap', 'http');--> statement-breakpoint
CREATE TABLE "inbound_emails" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inbound_emails_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"message_id" text NOT NULL,
	"source" "inbound_email_source" NOT NULL,
	"from_address" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"outcome" "inbound_email_outcome" NOT NULL,
	"reason" text,
	"ticket_id" integer,
	"ticket_message_id" integer,
	"refused_attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"raw" "bytea",
	"size" integer NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_emails_messageId_unique" UNIQUE("message_id")
);
--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_ticket_message_id_ticket_messages_id_fk" FOREIGN KEY ("ticket_message_id") REFERENCES "public"."ticket_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_emails_sender_idx" ON "inbound_emails" USING btree (lower("from_address"),"received_at");--> statement-breakpoint
CREATE INDEX "inbound_emails_ticket_message_idx" ON "inbound_emails" USING btree ("ticket_message_id");--> statement-breakpoint
CREATE INDEX "inbound_emails_received_idx" ON "inbound_emails" USING btree ("received_at" DESC NULLS LAST,"id" DESC NULLS LAST);