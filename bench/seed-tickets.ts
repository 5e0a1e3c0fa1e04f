// Bulk-loads realistic tickets for benchmarks and query-plan tests: rows are generated here and sent
// with COPY (PostgreSQL's COPY FROM STDIN, PGlite's COPY FROM '/dev/blob'), history and attachment
// rows are derived from them inside the database. A million tickets take minutes, not hours.
import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import { DEFAULT_SERVICE_LEVELS } from "../lib/sla/schemas";

/** The two things a bulk load needs from a database connection. */
export interface BulkTarget {
  query: (text: string) => Promise<Array<Record<string, unknown>>>;
  /** COPY in text format: one row a line, columns separated by tabs. */
  copy: (table: string, columns: readonly string[], lines: string) => Promise<void>;
  /** VACUUM ANALYZE where the database allows it, so the planner sees the real row counts. */
  analyze: () => Promise<void>;
}

export function postgresTarget(sql: Sql): BulkTarget {
  return {
    query: async (text) => [...(await sql.unsafe(text))] as Array<Record<string, unknown>>,
    copy: async (table, columns, lines) => {
      const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on("error", reject);
        stream.on("finish", resolve);
        stream.end(lines);
      });
    },
    analyze: async () => void (await sql.unsafe("vacuum analyze tickets, ticket_events, attachments")),
  };
}

export function pgliteTarget(pg: PGlite): BulkTarget {
  return {
    query: async (text) => (await pg.query<Record<string, unknown>>(text)).rows,
    copy: async (table, columns, lines) =>
      void (await pg.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob'`, [], { blob: new Blob([lines]) })),
    analyze: async () => void (await pg.exec("vacuum analyze tickets, ticket_events, attachments")),
  };
}

const FIRST_NAMES = ["Maria", "Carlos", "Ana", "Lucia", "Jorge", "Sofia", "Diego", "Valentina", "Mateo", "Camila", "Emma", "Liam", "Noah", "Olivia", "Hiro", "Aiko", "Amara", "Kwame", "Priya", "Arjun", "Elena", "Pablo", "Ines", "Tomas", "Greta", "Lars", "Chloe", "Louis", "Fatima", "Omar"];
const LAST_NAMES = ["Garcia", "Rodriguez", "Martinez", "Lopez", "Hernandez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres", "Smith", "Johnson", "Brown", "Tanaka", "Sato", "Mensah", "Okafor", "Patel", "Sharma", "Rossi", "Bianchi", "Muller", "Schmidt", "Dubois", "Moreau", "Silva", "Santos", "Nowak", "Jensen", "Haddad"];
const DOMAINS = ["example.com", "mail.example.org", "correo.example.mx", "viajes.example.net", "guides.example.com"];
const CATEGORIES = ["Booking Issues", "Account Problems", "General Inquiry", "Technical Issue", "Billing"];
const SUBJECTS: Record<string, string[]> = {
  "Booking Issues": ["Unable to complete booking", "Booking confirmation never arrived", "Double booking for the same tour", "Need to change my booking date", "Tour cancelled without notice", "Group booking for {n} people"],
  "Account Problems": ["Profile photo upload issue", "Cannot reset my password", "Email address change", "Account locked after login attempts", "Verification badge missing", "Two accounts with one email"],
  "General Inquiry": ["Question about tour cancellation", "Do tours run in the rain", "Accessibility on the {place} tour", "Are children allowed", "Languages offered by guides", "Meeting point for {place}"],
  "Technical Issue": ["App crashes when opening the map", "Calendar does not load", "Payment page shows an error", "Notifications arrive late", "Search returns nothing for {place}", "Photos do not upload from my phone"],
  Billing: ["Charged twice for one tour", "Refund not received", "Invoice needed for my company", "Payout to my bank account is late", "Wrong currency on my receipt", "Commission higher than agreed"],
};
const PLACES = ["Oaxaca", "Guanajuato", "Tulum", "Chiapas", "Mexico City", "Puebla", "Merida", "Bacalar", "San Cristobal", "Teotihuacan", "Copper Canyon", "Valle de Guadalupe"];
const OPENINGS = ["Hello,", "Hi team,", "Good morning,", "Dear support,", "Hola,", "Hi there,"];
const SENTENCES = [
  "I tried to book the {place} tour for {n} people but the payment keeps failing.",
  "The confirmation email never arrived and the tour is in {n} days.",
  "I already tried two different credit cards and cleared my browser cache.",
  "My guide said the meeting point changed but the app still shows the old one.",
  "Could you tell me what your cancellation policy is for tours booked less than 24 hours ahead?",
  "I was charged twice for the same booking, reference KC-{ref}.",
  "The calendar stays empty on my phone although it works on my laptop.",
  "I uploaded my certification documents {n} times and they are still pending.",
  "We are travelling with a wheelchair user and need to know if the {place} route is accessible.",
  "The refund for my cancelled tour has not reached my account after {n} business days.",
  "As a guide I would like my payouts in pesos instead of dollars.",
  "The map crashes as soon as I zoom in around {place}.",
  "My profile photo is rejected with an error that says the file is too large.",
  "Please send an invoice with our company details for the {place} excursion.",
  "I cannot log in since I changed my email address.",
  "Notifications about new bookings arrive hours late, so I missed a tourist.",
];
const CLOSINGS = ["Thanks in advance.", "Thank you for your help.", "Looking forward to your answer.", "Gracias.", "Best regards.", "Please help, it is urgent."];
const FILE_NAMES = ["screenshot.png", "receipt.pdf", "booking-confirmation.pdf", "error.jpg", "id-card.jpg", "invoice.pdf", "bank-statement.pdf", "photo.png"];
const STATUS_MIX_RECENT = [["open", 0.45], ["in_progress", 0.25], ["resolved", 0.18], ["closed", 0.12]] as const;
const STATUS_MIX_OLD = [["open", 0.02], ["in_progress", 0.02], ["resolved", 0.21], ["closed", 0.75]] as const;
const PRIORITY_MIX = [["normal", 0.8], ["high", 0.12], ["low", 0.05], ["urgent", 0.03]] as const;

const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
const BATCH = 25_000;

/** Deterministic PRNG (mulberry32), so two runs with the same seed load the same tickets. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ticketLines(from: number, count: number, now: number, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const fill = (text: string) =>
    text.replace("{place}", () => pick(PLACES)).replace("{n}", () => String(2 + Math.floor(next() * 9))).replace("{ref}", () => String(100000 + Math.floor(next() * 900000)));
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    // About five tickets per requester, so an email filter finds a handful.
    const person = Math.floor(next() * Math.max(1, (from + count) / 5));
    const email = `${first}.${last}.${person}@${pick(DOMAINS)}`.toLowerCase();
    const category = pick(CATEGORIES);
    const createdAt = now - TWO_YEARS_MS * next();
    const mix = now - createdAt < 30 * DAY_MS ? STATUS_MIX_RECENT : STATUS_MIX_OLD;
    let roll = next();
    const status = mix.find(([, share]) => (roll -= share) < 0)?.[0] ?? "closed";
    const updatedAt = status === "open" ? createdAt : Math.min(now, createdAt + next() * 10 * DAY_MS);
    let priorityRoll = next();
    const priority = PRIORITY_MIX.find(([, share]) => (priorityRoll -= share) < 0)?.[0] ?? "normal";
    const sentences = Array.from({ length: 1 + Math.floor(next() * 4) }, () => fill(pick(SENTENCES)));
    const message = [pick(OPENINGS), ...sentences, pick(CLOSINGS)].join(" ");
    lines.push(
      [
        next() < 0.7 ? "tourist" : "guide",
        `${first} ${last}`,
        email,
        fill(pick(SUBJECTS[category]!)),
        category,
        message,
        status,
        status === "open" ? 1 : 2,
        new Date(createdAt).toISOString(),
        new Date(updatedAt).toISOString(),
        priority,
        next() < 0.75 ? "web" : next() < 0.6 ? "email" : "api",
      ].join("\t"),
    );
  }
  return lines.join("\n") + "\n";
}

const TICKET_COLUMNS = ["role_context", "full_name", "email", "subject", "category", "message", "status", "version", "created_at", "updated_at", "priority", "channel"];

/**
 * Adds tickets until the table holds `total`, with a "created" history row each, a status change
 * for every ticket past open (and a reopening on some), first replies, ratings and missed targets, and one or two
 * attachment rows on about one ticket in twelve.
 */
export async function seedTickets(
  target: BulkTarget,
  total: number,
  onProgress: (loaded: number, total: number) => void = () => {},
): Promise<{ added: number; total: number }> {
  const [{ count, max_id: maxId }] = (await target.query(
    "select count(*)::int as count, coalesce(max(id), 0)::int as max_id from tickets",
  )) as [{ count: number; max_id: number }];
  if (count >= total) return { added: 0, total: count };

  const next = random(0x5eed + count);
  const now = Date.now();
  for (let loaded = count; loaded < total; loaded += BATCH) {
    const size = Math.min(BATCH, total - loaded);
    await target.copy("tickets", TICKET_COLUMNS, ticketLines(loaded, size, now, next));
    onProgress(loaded + size, total);
  }

  const fresh = `from tickets where id > ${maxId}`;
  await target.query(
    `insert into ticket_events (ticket_id, type, to_value, actor, created_at) select id, 'created', 'open', 'requester', created_at ${fresh}`,
  );
  // One resolved or closed ticket in eleven was reopened once on its way: resolved at 40% of its life, back in progress
  // at 60%. The reports read these moves (reopen rate, first resolution).
  const reopened = `status in ('resolved', 'closed') and id % 11 = 0`;
  await target.query(
    `insert into ticket_events (ticket_id, type, from_value, to_value, actor, created_at)
     select id, 'status_changed'::ticket_event_type, 'open', 'resolved', 'staff:agent@kinconecta.example', created_at + (updated_at - created_at) * 0.4
       ${fresh} and ${reopened}
     union all
     select id, 'status_changed', 'resolved', 'in_progress', 'requester', created_at + (updated_at - created_at) * 0.6 ${fresh} and ${reopened}
     union all
     select id, 'status_changed', case when ${reopened} then 'in_progress' else 'open' end, status::text, 'staff:agent@kinconecta.example', updated_at
       ${fresh} and status <> 'open'`,
  );
  // What a desk's reports read besides the history: a first reply for every ticket past open (5–30% into its life),
  // a rating on one closed ticket in four, a missed first-reply target on one in nine and a missed resolution on one in
  // fourteen.
  await target.query(
    `update tickets set first_replied_at = created_at + (updated_at - created_at) * (0.05 + (id % 100) / 400.0),
            satisfaction_rating = case when status = 'closed' and id % 4 = 0 then (array[5, 5, 4, 4, 5, 3, 4, 5, 2, 1])[1 + id / 4 % 10] end,
            satisfaction_at = case when status = 'closed' and id % 4 = 0 then updated_at end,
            sla_breaches = array_remove(array[case when id % 9 = 0 then 'first_reply' end, case when id % 14 = 0 then 'resolution' end], null)
     where id > ${maxId} and status <> 'open'`,
  );
  // Deadlines for the tickets in play, from the default targets counted in calendar hours (close enough for the
  // index's shape): open ones still wait for a first reply, and every one's resolution clock runs.
  const minutes = (column: "firstReplyMinutes" | "resolutionMinutes") =>
    `case priority ${Object.entries(DEFAULT_SERVICE_LEVELS.targets).map(([priority, target]) => `when '${priority}' then ${target[column]}`).join(" ")} end`;
  await target.query(
    `update tickets set sla_clock_since = created_at,
            first_reply_due_at = case when status = 'open' then created_at + make_interval(mins => ${minutes("firstReplyMinutes")}) end,
            resolution_due_at = created_at + make_interval(mins => ${minutes("resolutionMinutes")})
     where id > ${maxId} and status in ('open', 'in_progress')`,
  );
  const files = `(array[${FILE_NAMES.map((name) => `'${name}'`).join(", ")}])`;
  const fileName = `${files}[1 + (id * 7 + copy) % ${FILE_NAMES.length}]`;
  await target.query(
    `insert into attachments (ticket_id, file_name, content_type, size, storage_key, created_at)
     select id, ${fileName}, case when ${fileName} like '%.pdf' then 'application/pdf' else 'image/png' end,
            20000 + (id::bigint * 7919) % 2000000, 'bench/' || id || '-' || copy, created_at
     from tickets cross join generate_series(1, 2) as copy
     where id > ${maxId} and id % 12 = 0 and (copy = 1 or id % 36 = 0)`,
  );
  await target.analyze();
  return { added: total - count, total };
}
