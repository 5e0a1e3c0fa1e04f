import "server-only";
import { and, desc, eq, getTableColumns } from "drizzle-orm";
import { getDb } from "@/db";
import { inboundEmails } from "@/db/schema";
import type { ListInboundEmailsQuery } from "./schemas";

// The message itself stays out of listings: it can be megabytes.
const { raw: _raw, ...listedColumns } = getTableColumns(inboundEmails);

/** The newest received emails first, with what became of each (admins see here what was ignored or refused, and why). */
export async function listInboundEmails(query: ListInboundEmailsQuery) {
  const db = await getDb();
  return db
    .select(listedColumns)
    .from(inboundEmails)
    .where(
      and(
        query.outcome ? eq(inboundEmails.outcome, query.outcome) : undefined,
        query.messageId ? eq(inboundEmails.messageId, query.messageId) : undefined,
      ),
    )
    .orderBy(desc(inboundEmails.receivedAt), desc(inboundEmails.id))
    .limit(query.limit);
}
