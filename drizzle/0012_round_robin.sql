ALTER TABLE "staff_users" ADD COLUMN "available" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "open_ticket_cap" integer;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "last_assigned_at" timestamp (3) with time zone;