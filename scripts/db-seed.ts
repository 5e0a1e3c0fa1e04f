// npm run db:seed   Loads the example tickets from the Support Tickets API description.
import { SEED_TICKETS } from "@/lib/tickets/seed-examples";
import { runCommand } from "./run-command";

// Seeding is an import: it keeps the examples' statuses and dates, as an API token may.
const seedActor = { kind: "token", tokenId: 0, name: "db:seed" } as const;

await runCommand(async () => {
  const { createTicket } = await import("@/lib/tickets/create-ticket");
  for (const example of SEED_TICKETS) {
    const { ticket } = await createTicket(example, seedActor);
    console.log(`Ticket #${ticket.id}: ${ticket.subject} (${ticket.status})`);
  }
});
