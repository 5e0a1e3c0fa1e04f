DROP INDEX "ticket_events_status_history_idx";--> statement-breakpoint
DROP INDEX "tickets_updated_idx";--> statement-breakpoint
DROP INDEX "tickets_status_updated_idx";--> statement-breakpoint
DROP INDEX "tickets_report_created_idx";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "channel" "message_channel" DEFAULT 'web' NOT NULL;--> statement-breakpoint
UPDATE "tickets" t SET "channel" = m."channel"
FROM (SELECT DISTINCT ON ("ticket_id") "ticket_id", "channel" FROM "ticket_messages" ORDER BY "ticket_id", "id") m
WHERE t."id" = m."ticket_id" AND m."channel" <> 'web';--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "first_resolved_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "ever_resolved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "ever_reopened" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- What the status history tells the reports, kept on the ticket by the statement that writes the history: every
-- INSERT into ticket_events, whichever code path runs it (a move, a reply, auto-close, an import, a bulk load).
-- Per statement with its new rows as a table, so a bulk load is one UPDATE, and only tickets whose values change
-- are written (at most three times in a ticket's life).
CREATE FUNCTION "tickets_note_status_history"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "tickets" t SET
    "first_resolved_at" = least(t."first_resolved_at", h."first_resolved_at"),
    "ever_resolved" = t."ever_resolved" OR h."ever_resolved",
    "ever_reopened" = t."ever_reopened" OR h."ever_reopened"
  FROM (
    SELECT e."ticket_id",
      min(e."created_at") FILTER (WHERE e."type" = 'status_changed' AND e."to_value" IN ('resolved', 'closed')) AS "first_resolved_at",
      bool_or(e."to_value" = 'resolved') AS "ever_resolved",
      bool_or(e."from_value" = 'resolved' AND e."to_value" = 'in_progress') AS "ever_reopened"
    FROM "new_events" e
    WHERE e."type" IN ('created', 'status_changed')
    GROUP BY e."ticket_id"
  ) h
  WHERE t."id" = h."ticket_id"
    AND (h."first_resolved_at" < t."first_resolved_at" OR (t."first_resolved_at" IS NULL AND h."first_resolved_at" IS NOT NULL)
      OR (h."ever_resolved" AND NOT t."ever_resolved") OR (h."ever_reopened" AND NOT t."ever_reopened"));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "ticket_events_note_status_history" AFTER INSERT ON "ticket_events"
  REFERENCING NEW TABLE AS "new_events" FOR EACH STATEMENT EXECUTE FUNCTION "tickets_note_status_history"();--> statement-breakpoint
UPDATE "tickets" t SET "first_resolved_at" = h."first_resolved_at", "ever_resolved" = h."ever_resolved", "ever_reopened" = h."ever_reopened"
FROM (
  SELECT e."ticket_id",
    min(e."created_at") FILTER (WHERE e."type" = 'status_changed' AND e."to_value" IN ('resolved', 'closed')) AS "first_resolved_at",
    bool_or(e."to_value" = 'resolved') AS "ever_resolved",
    bool_or(e."from_value" = 'resolved' AND e."to_value" = 'in_progress') AS "ever_reopened"
  FROM "ticket_events" e
  WHERE e."type" IN ('created', 'status_changed')
  GROUP BY e."ticket_id"
) h
WHERE t."id" = h."ticket_id" AND (h."first_resolved_at" IS NOT NULL OR h."ever_resolved" OR h."ever_reopened");--> statement-breakpoint
CREATE INDEX "tickets_updated_idx" ON "tickets" USING btree ("updated_at","id","category","role_context","locale","channel");--> statement-breakpoint
CREATE INDEX "tickets_status_updated_idx" ON "tickets" USING btree ("status","updated_at","id","category","role_context","locale","channel");--> statement-breakpoint
CREATE INDEX "tickets_report_created_idx" ON "tickets" USING btree ("created_at","id","status","category","role_context","locale","channel","first_replied_at","satisfaction_rating","sla_breaches","first_resolved_at","ever_resolved","ever_reopened");
