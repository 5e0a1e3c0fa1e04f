// npm run db:seed   Loads the example tickets from the Support Tickets API description.
import { SEED_TICKETS } from "@/lib/tickets/seed-examples";
import { runCommand } from "./run-command";

// Seeding is an import: it keeps the examples' statuses and dates, as an API token may.
const seedActor = { kind: "token", tokenId: 0, name: "db:seed" } as const;

await runCommand(async () => {
  const { getDb } = await import("@/db");
  const { createTicket } = await import("@/lib/tickets/create-ticket");
  const db = await getDb();
  for (const example of SEED_TICKETS) {
    const { ticket } = await db.transaction((tx) => createTicket(tx, example, seedActor));
    console.log(`Ticket #${ticket.id}: ${ticket.subject} (${ticket.status})`);
  }
});
