-- The categories named in the Support Tickets API description; more can be added as rows.
INSERT INTO "categories" ("name", "position") VALUES
  ('Booking Issues', 1),
  ('Account Problems', 2),
  ('General Inquiry', 3),
  ('Technical Issue', 4),
  ('Billing', 5)
ON CONFLICT ("name") DO NOTHING;
