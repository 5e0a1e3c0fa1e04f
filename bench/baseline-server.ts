// The physical limit for `npm run bench`: node:http and the postgres driver running the same SQL as
// the app for each endpoint (the list's SQL is built by the app's own page query), with none of the
// framework. Started by bench/run.ts; not part of the product. Needs DATABASE_URL, PORT and APP_URL.
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/db/schema";
import type { Database } from "@/db";
import { listQueryFromUrl } from "@/lib/http/list-query";
import { ticketColumns } from "@/lib/tickets/get-ticket";
import { encodeCursor, ticketPageQuery } from "@/lib/tickets/page-query";

const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
// Only builds SQL text; a drizzle with the real client would switch its date parsing to strings.
const db = drizzle.mock({ schema, casing: "snake_case" }) as unknown as Database;
const appUrl = process.env.APP_URL!;

// The app's own statements, by hand: every ticket column but the search vector, with its attachments
// as one JSON array (lib/tickets/get-ticket.ts); prepared, as the app's are.
const COLUMNS = sql.unsafe(`id, role_context, full_name, email, subject, category, message, status, version, created_at, updated_at,
  (select coalesce(json_agg(json_build_object('id', a.id, 'fileName', a.file_name) order by a.id), '[]'::json)
   from attachments a where a.ticket_id = tickets.id) as attachments`);
type Attachment = { id: number; fileName: string };
type Row = Record<string, unknown> & { id: number; created_at: Date; updated_at: Date; version: number; attachments: Attachment[] };
// The page query's columns in its select order (the app's ticketColumns), by their SQL names.
const LIST_KEYS = Object.keys(ticketColumns).map((key) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));

function toJson(row: Row) {
  const url = `${appUrl}/api/support-tickets/${row.id}`;
  return {
    id: row.id,
    roleContext: row.role_context,
    fullName: row.full_name,
    email: row.email,
    subject: row.subject,
    category: row.category,
    message: row.message,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    attachments: row.attachments.map((file) => ({ ...file, fileUrl: `${url}/attachments/${file.id}` })),
  };
}

// Token checks and active categories are remembered for a few seconds, as the app does.
const verified = new Map<string, number>();
let activeCategories = { names: new Set<string>(), until: 0 };

async function tokenIsValid(request: IncomingMessage): Promise<boolean> {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (!token) return false;
  const hash = createHash("sha256").update(token).digest("hex");
  if ((verified.get(hash) ?? 0) > Date.now()) return true;
  const [row] = await sql`select id from api_tokens where token_hash = ${hash} and revoked_at is null limit 1`;
  if (row) verified.set(hash, Date.now() + 5_000);
  return row !== undefined;
}

async function categoryIsActive(name: string, tx: postgres.TransactionSql): Promise<boolean> {
  if (activeCategories.until > Date.now() && activeCategories.names.has(name)) return true;
  const rows = await tx<Array<{ name: string }>>`select name from categories where active order by position, name`;
  activeCategories = { names: new Set(rows.map((row) => row.name)), until: Date.now() + 10_000 };
  return activeCategories.names.has(name);
}

/** The outbox row the app writes with every new ticket and status move (its body composed more simply). */
async function enqueueEmail(tx: postgres.TransactionSql, row: Row, kind: "ticket_created" | "status_changed") {
  const text = `Hello ${row.full_name as string},\n\nyour ticket #${row.id} "${row.subject as string}" is ${row.status as string}.\n${appUrl}/support/tickets/${row.id}`;
  await tx`insert into outbox_messages (message_id, ticket_id, kind, recipient_name, recipient_email, subject, text_body, html_body)
           values (${`<${randomUUID()}@bench>`}, ${row.id}, ${kind}, ${row.full_name as string}, ${row.email as string},
                   ${`Ticket #${row.id}`}, ${text}, ${`<p>${text}</p>`})`;
}

async function body(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>;
}

function send(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(value));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url!, appUrl);
  const id = /^\/api\/support-tickets\/(\d+)$/.exec(url.pathname)?.[1];
  if (url.pathname === "/empty") return send(response, 200, { ok: true });

  if (url.pathname === "/api/support-tickets" && request.method === "POST") {
    const input = await body(request);
    const ticket = await sql.begin(async (tx) => {
      if (!(await categoryIsActive(input.category!, tx))) return null;
      const [row] = await tx<Row[]>`
        insert into tickets (role_context, full_name, email, subject, category, message, status, channel)
        values (${input.roleContext!}, ${input.fullName!}, ${input.email!}, ${input.subject!}, ${input.category!}, ${input.message!}, 'open', 'api')
        returning ${COLUMNS}`;
      await tx`insert into ticket_events (ticket_id, type, to_value, actor, created_at)
               values (${row!.id}, 'created', 'open', 'requester', ${row!.created_at})`;
      await enqueueEmail(tx, row!, "ticket_created");
      return row!;
    });
    if (!ticket) return send(response, 422, { title: "Unknown category" });
    return send(response, 201, toJson(ticket), { location: `${appUrl}/api/support-tickets/${ticket.id}` });
  }

  if (!(await tokenIsValid(request))) return send(response, 401, { title: "Unauthorized" });

  if (url.pathname === "/api/support-tickets" && request.method === "GET") {
    const query = listQueryFromUrl(url);
    const { sql: text, params } = ticketPageQuery(db, query).toSQL();
    const values = await sql.unsafe(text, params as never[], { prepare: true }).values();
    const rows = values.map((row) => Object.fromEntries(LIST_KEYS.map((key, index) => [key, row[index]])) as Row);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const next = new URL(url);
    if (last) next.searchParams.set("cursor", encodeCursor({ sort: query.sort, at: last.created_at, id: last.id }));
    const headers: Record<string, string> = rows.length > query.limit ? { link: `<${next.toString()}>; rel="next"` } : {};
    return send(response, 200, page.map(toJson), headers);
  }

  if (id && request.method === "GET") {
    const [row] = await sql<Row[]>`select ${COLUMNS} from tickets where id = ${Number(id)} limit 1`;
    if (!row) return send(response, 404, { title: "Not Found" });
    return send(response, 200, toJson(row), { etag: `"${row.version}"` });
  }

  if (id && request.method === "PATCH") {
    const { status } = await body(request);
    const updated = await sql.begin(async (tx) => {
      const [current] = await tx<Row[]>`select ${COLUMNS} from tickets where id = ${Number(id)} for update`;
      if (!current) return null;
      const [row] = await tx<Row[]>`
        update tickets set status = ${status!}, version = version + 1, updated_at = now()
        where id = ${Number(id)} returning ${COLUMNS}`;
      await tx`insert into ticket_events (ticket_id, type, from_value, to_value, actor, created_at)
               values (${row!.id}, 'status_changed', ${current.status as string}, ${status!}, 'token:bench', ${row!.updated_at})`;
      await enqueueEmail(tx, row!, "status_changed");
      return row!;
    });
    if (!updated) return send(response, 404, { title: "Not Found" });
    return send(response, 200, toJson(updated), { etag: `"${updated.version}"` });
  }

  send(response, 404, { title: "Not Found" });
}

createServer((request, response) => {
  handle(request, response).catch((error: unknown) => send(response, 500, { title: String(error) }));
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("baseline listening"));
