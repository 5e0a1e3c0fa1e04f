-- The reports read the tickets and their status history through index-only scans (docs/reports.md), which skip the
-- table only on pages the visibility map marks all-visible. Every change to a ticket clears its page's mark until
-- VACUUM sets it again. At PostgreSQL's default threshold (a fifth of the rows changed) a desk of a million tickets
-- waits for 200,000 changes: after 100,000 (the service-level job marking overdue tickets), a 90-day report took 1.0 s
-- instead of 0.28 s. So the tickets are vacuumed once 1% of them (and at least 1,000) have changed, and the history,
-- which only grows, once 1% of its rows are new.
ALTER TABLE "tickets" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);--> statement-breakpoint
ALTER TABLE "ticket_events" SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 1000);
