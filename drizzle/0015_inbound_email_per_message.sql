DROP INDEX "inbound_emails_ticket_message_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_ticket_message_idx" ON "inbound_emails" USING btree ("ticket_message_id");