import "server-only";
import { and, desc, eq, getTableColumns } from "drizzle-orm";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema";
import type { ListOutboxQuery } from "./schemas";

// The HTML part stays out of listings: it repeats the text part and is large.
const { htmlBody: _htmlBody, ...listedColumns } = getTableColumns(outboxMessages);

/** The newest outbox messages first: what was (or will be) emailed, with each one's delivery state. */
export async function listOutboxMessages(query: ListOutboxQuery) {
  const db = await getDb();
  return db
    .select(listedColumns)
    .from(outboxMessages)
    .where(
      and(
        query.status ? eq(outboxMessages.status, query.status) : undefined,
        query.ticketId ? eq(outboxMessages.ticketId, query.ticketId) : undefined,
      ),
    )
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(query.limit);
}
