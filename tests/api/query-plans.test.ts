// EXPLAIN (ANALYZE, BUFFERS) of every list query the API runs, on a database of its own seeded with
// enough tickets that the planner prefers an index whenever one fits: none may read the whole table. And the
// vacuum settings the reports' index-only scans rely on.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as pgliteDrizzle } from "drizzle-orm/pglite";
import { migrate as pgliteMigrate } from "drizzle-orm/pglite/migrator";
import { drizzle as postgresDrizzle } from "drizzle-orm/postgres-js";
import { migrate as postgresMigrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import * as schema from "@/db/schema";
import { type BulkTarget, pgliteTarget, postgresTarget, seedTickets } from "@/bench/seed-tickets";
import { encodeCursor, ticketPageQuery } from "@/lib/tickets/page-query";
import { type ListTicketsQuery, listTicketsQuery } from "@/lib/tickets/schemas";
import { freshPostgresDatabase } from "../support/test-server";

const TICKETS = 60_000;
const migrationsFolder = path.resolve(import.meta.dirname, "../../drizzle");

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

let db: Database;
let target: BulkTarget;
let run: (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const database = await freshPostgresDatabase(process.env.DATABASE_URL);
    const client = postgres(database.url, { max: 1, onnotice: () => {} });
    const drizzleDb = postgresDrizzle(client, { schema, casing: "snake_case" });
    await postgresMigrate(drizzleDb, { migrationsFolder });
    db = drizzleDb as unknown as Database;
    target = postgresTarget(client);
    run = async (text, params) => [...(await client.unsafe(text, params as never[]))];
    cleanup = async () => {
      await client.end();
      await database.drop();
    };
  } else {
    const client = await PGlite.create();
    const drizzleDb = pgliteDrizzle(client, { schema, casing: "snake_case" });
    await pgliteMigrate(drizzleDb, { migrationsFolder });
    db = drizzleDb as unknown as Database;
    target = pgliteTarget(client);
    run = async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows;
    cleanup = () => client.close();
  }
  await seedTickets(target, TICKETS);
}, 300_000);

afterAll(async () => cleanup?.());

async function plan(query: Partial<ListTicketsQuery> & Record<string, unknown>): Promise<PlanNode> {
  const { sql, params } = ticketPageQuery(db, listTicketsQuery.parse(query)).toSQL();
  const [row] = await run(`explain (analyze, buffers, format json) ${sql}`, params);
  const explained = row!["QUERY PLAN"];
  return (typeof explained === "string" ? JSON.parse(explained) : explained)[0].Plan as PlanNode;
}

function scansOfTickets(node: PlanNode): string[] {
  const own = node["Relation Name"] === "tickets" ? [`${node["Node Type"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOfTickets)];
}

async function cursorAfter(rows: number, sort: "-createdAt" | "-updatedAt" | "dueAt"): Promise<string> {
  const [column, direction] = { "-createdAt": ["created_at", "desc"], "-updatedAt": ["updated_at", "desc"], dueAt: ["next_due_at", "asc"] }[sort];
  const [row] = await run(`select ${column} as at, id from tickets order by ${column} ${direction}, id ${direction} offset $1 limit 1`, [rows - 1]);
  return encodeCursor({ sort, at: new Date(row!.at as string), id: row!.id as number });
}

describe(`list queries on ${TICKETS.toLocaleString("en")} tickets`, () => {
  const cases: Array<[string, () => Promise<Record<string, unknown>>]> = [
    ["the first page", async () => ({})],
    ["a page filtered by status", async () => ({ status: ["open"] })],
    ["a page filtered by two statuses (the staff queue)", async () => ({ status: ["open", "in_progress"] })],
    ["a keyset page 10,000 tickets deep", async () => ({ cursor: await cursorAfter(10_000, "-createdAt") })],
    ["a full-text search", async () => ({ q: "refund" })],
    ["a search for a rare word", async () => ({ q: "wheelchair accessible" })],
    ["a filter by requester email", async () => {
      const [row] = await run("select email from tickets where id = $1", [TICKETS / 2]);
      return { email: String(row!.email).toUpperCase() };
    }],
    ["the first page sorted by last update", async () => ({ sort: "-updatedAt" })],
    ["a deep page sorted by last update", async () => ({ sort: "-updatedAt", cursor: await cursorAfter(10_000, "-updatedAt") })],
    ["a page filtered by category", async () => ({ category: "Billing" })],
    ["a page filtered by a rare priority", async () => ({ priority: ["urgent"] })],
    ["a page filtered by the common priority", async () => ({ priority: ["normal"] })],
    ["the staff queue's open urgent tickets", async () => ({ status: ["open"], priority: ["urgent"] })],
    ["one agent's tickets", async () => ({ assignee: "an-agent-id" })],
    ["the Unassigned view of open tickets", async () => ({ status: ["open"], assignee: "none" })],
    ["the open queue by what is due next", async () => ({ status: ["open"], sort: "dueAt" })],
    ["every ticket by what is due next", async () => ({ sort: "dueAt" })],
    ["a page 10,000 tickets deep by what is due next", async () => ({ sort: "dueAt", cursor: await cursorAfter(10_000, "dueAt") })],
    ["one agent's open tickets by what is due next", async () => ({ status: ["open"], assignee: "an-agent-id", sort: "dueAt" })],
  ];

  for (const [name, query] of cases) {
    it(`reads ${name} through an index, never scanning the whole tickets table`, async () => {
      const scans = scansOfTickets(await plan(await query()));
      expect(scans.length).toBeGreaterThan(0);
      expect(scans.filter((scan) => scan.startsWith("Seq Scan"))).toEqual([]);
    });
  }
});

// The reports' index-only scans skip the table only on pages VACUUM has marked all-visible (migration 0020).
describe("the tables the reports scan", () => {
  it("are vacuumed once 1% of their rows have changed, not PostgreSQL's default fifth", async () => {
    const rows = await run("select relname, reloptions from pg_class where relname in ('tickets', 'ticket_events') order by relname", []);
    expect(rows.map((row) => [row.relname, [...(row.reloptions as string[])].sort()])).toEqual([
      ["ticket_events", ["autovacuum_vacuum_insert_scale_factor=0.01", "autovacuum_vacuum_insert_threshold=1000"]],
      ["tickets", ["autovacuum_vacuum_scale_factor=0.01", "autovacuum_vacuum_threshold=1000"]],
    ]);
  });
});
