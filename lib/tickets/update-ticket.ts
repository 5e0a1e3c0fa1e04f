import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { alongside } from "@/db/execute-together";
import { staffUsers, ticketEvents, tickets } from "@/db/schema";
import { type Actor, actorLabel } from "@/lib/auth/actor";
import { validationError } from "@/lib/errors";
import { historyWithEmail, ticketEmailWrites } from "@/lib/notifications/enqueue-ticket-email";
import { assertActiveCategory } from "./categories";
import { lockTicketOrThrow, ticketColumns, versionedTicket } from "./get-ticket";
import type { UpdateTicketInput } from "./schemas";
import type { VersionedTicket } from "./serialize";
import { getServiceLevels } from "@/lib/sla/service-levels";
import { slaColumns } from "@/lib/sla/ticket-clocks";
import { announceChange } from "@/lib/webhooks/enqueue";
import { assertMove, awaitingAfterMove, statusColumns } from "./status-change";

/**
 * The one place a ticket's status, category, priority or assignee changes. The row is locked for the check and the write,
 * so two agents moving one ticket are applied one after the other: the second sees the first's result
 * (409 when its move no longer fits, 412 when it named the version it expected). A status move queues
 * an email to the requester in the same transaction, unless `changes.notify` is false.
 */
export async function updateTicket(
  id: number,
  changes: UpdateTicketInput,
  actor: Actor,
  expectedVersion?: number,
): Promise<VersionedTicket> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockTicketOrThrow(tx, id, expectedVersion);

    const events: Array<Omit<typeof ticketEvents.$inferInsert, "actor">> = [];
    if (changes.status !== undefined) {
      assertMove(id, current.status, changes.status);
      events.push({ ticketId: id, type: "status_changed", fromValue: current.status, toValue: changes.status });
    }
    if (changes.category !== undefined && changes.category !== current.category) {
      await assertActiveCategory(changes.category, tx);
      events.push({ ticketId: id, type: "category_changed", fromValue: current.category, toValue: changes.category });
    }
    if (changes.priority !== undefined && changes.priority !== current.priority) {
      events.push({ ticketId: id, type: "priority_changed", fromValue: current.priority, toValue: changes.priority });
    }
    if (changes.assigneeId !== undefined && changes.assigneeId !== current.assigneeId) {
      const assignee = changes.assigneeId === null ? null : await activeStaffName(tx, changes.assigneeId);
      events.push({ ticketId: id, type: "assignee_changed", fromValue: current.assignee?.name ?? null, toValue: assignee });
    }
    if (events.length === 0) return versionedTicket(current);
    // A move may stop or restart the service-level clocks; a new priority brings new targets.
    const clocks =
      changes.status !== undefined || changes.priority !== undefined
        ? slaColumns(
            {
              ...current,
              status: changes.status ?? current.status,
              awaiting: changes.status === undefined ? current.awaiting : awaitingAfterMove(current, changes.status),
              priority: changes.priority ?? current.priority,
            },
            await getServiceLevels(tx),
            new Date(),
          )
        : {};

    // The change, its history rows and the requester's email in one statement: the email is composed from the
    // ticket as this change leaves it, and the history rows take the change's time (their default, now(): the transaction's).
    const label = actorLabel(actor);
    const history = events.map((event) => ({ ...event, actor: label }));
    const email =
      changes.status !== undefined && changes.notify !== false
        ? await ticketEmailWrites(
            tx,
            { ...current, status: changes.status, category: changes.category ?? current.category },
            { kind: "status_changed", from: current.status },
          )
        : undefined;
    const [updated] = await tx
      .with(...alongside(tx, historyWithEmail(tx, history, email)))
      .update(tickets)
      .set({
        ...(changes.status !== undefined && statusColumns(current, changes.status, "staff")),
        category: changes.category ?? current.category,
        priority: changes.priority ?? current.priority,
        assigneeId: changes.assigneeId === undefined ? current.assigneeId : changes.assigneeId,
        ...clocks,
        version: sql`${tickets.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(tickets.id, id))
      .returning(ticketColumns);
    await announceChange(tx, [updated!], changes.status === "closed");
    return versionedTicket(updated!);
  });
}

/** The name of the staff account a ticket is given to; 422 when there is no such account or it is disabled. */
async function activeStaffName(tx: Transaction, id: string): Promise<string> {
  const [account] = await tx
    .select({ name: staffUsers.name })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, id), eq(staffUsers.disabled, false)));
  if (!account) throw validationError("assigneeId", `No active staff account has the id ${id}`);
  return account.name;
}
