DROP INDEX "tickets_report_created_idx";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_reply_business_hours" double precision;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "resolution_business_hours" double precision;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "business_hours_calendar" text;--> statement-breakpoint
CREATE INDEX "tickets_business_hours_uncounted_idx" ON "tickets" USING btree ("id") WHERE (first_replied_at is not null and first_reply_business_hours is null) or (first_resolved_at is not null and resolution_business_hours is null);--> statement-breakpoint
CREATE INDEX "tickets_business_hours_calendar_idx" ON "tickets" USING btree ("business_hours_calendar") WHERE "tickets"."business_hours_calendar" is not null;--> statement-breakpoint
CREATE INDEX "tickets_report_created_idx" ON "tickets" USING btree ("created_at","id","status","category","role_context","locale","channel","first_replied_at","satisfaction_rating","sla_breaches","first_resolved_at","ever_resolved","ever_reopened","first_reply_business_hours","resolution_business_hours","business_hours_calendar");