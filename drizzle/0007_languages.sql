CREATE TYPE "public"."locale" AS ENUM('es', 'en');--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "labels" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "locale" "locale" DEFAULT 'es' NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "locale" "locale";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "locale" "locale" DEFAULT 'es' NOT NULL;--> statement-breakpoint
UPDATE "categories" SET "labels" = v.labels::jsonb
FROM (VALUES
  ('Booking Issues', '{"es": "Problemas con reservas", "en": "Booking issues"}'),
  ('Account Problems', '{"es": "Problemas con la cuenta", "en": "Account problems"}'),
  ('General Inquiry', '{"es": "Consulta general", "en": "General inquiry"}'),
  ('Technical Issue', '{"es": "Problema técnico", "en": "Technical issue"}'),
  ('Billing', '{"es": "Pagos y facturación", "en": "Billing"}')
) AS v(name, labels)
WHERE "categories"."name" = v.name;
