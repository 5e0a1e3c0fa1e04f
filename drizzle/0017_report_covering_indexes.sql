DROP INDEX "ticket_events_closed_idx";--> statement-breakpoint
DROP INDEX "tickets_updated_idx";--> statement-breakpoint
DROP INDEX "tickets_status_updated_idx";--> statement-breakpoint
CREATE INDEX "ticket_events_status_time_idx" ON "ticket_events" USING btree ("created_at","ticket_id","type","from_value","to_value") WHERE "ticket_events"."type" in ('created', 'status_changed');--> statement-breakpoint
CREATE INDEX "tickets_report_created_idx" ON "tickets" USING btree ("created_at","id","status","category","role_context","locale","first_replied_at","satisfaction_rating","sla_breaches");--> statement-breakpoint
CREATE INDEX "tickets_updated_idx" ON "tickets" USING btree ("updated_at","id","category","role_context","locale");--> statement-breakpoint
CREATE INDEX "tickets_status_updated_idx" ON "tickets" USING btree ("status","updated_at","id","category","role_context","locale");