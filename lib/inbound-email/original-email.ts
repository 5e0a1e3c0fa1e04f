import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { inboundEmails, ticketMessages } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The email a message came as, byte for byte (staff open it to see the quoted thread, headers and all). */
export async function openOriginalEmail(ticketId: number, messageId: number): Promise<{ raw: Buffer; fileName: string }> {
  const db = await getDb();
  const [row] = await db
    .select({ raw: inboundEmails.raw })
    .from(inboundEmails)
    .innerJoin(ticketMessages, eq(ticketMessages.id, inboundEmails.ticketMessageId))
    .where(and(eq(inboundEmails.ticketMessageId, messageId), eq(ticketMessages.ticketId, ticketId), isNotNull(inboundEmails.raw)));
  if (!row?.raw) throw new AppError("not_found", `Message ${messageId} of ticket ${ticketId} did not come by email`);
  return { raw: row.raw, fileName: `ticket-${ticketId}-message-${messageId}.eml` };
}
