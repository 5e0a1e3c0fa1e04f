import { z } from "zod";
import { listTicketsQuery, ticketPrioritySchema, ticketStatusSchema } from "@/lib/tickets/schemas";

const listFilter = listTicketsQuery.shape;

/** The queue's views beside All, as the API's `assignee` filter names them. */
export const QUEUE_VIEWS = ["me", "none"] as const;

/**
 * The queue's view, held in the page URL (bookmarkable) with the API's own parameter names and limits; one status
 * and at most one priority at a time, and the API's default page size.
 */
export const queueParamsSchema = z.object({
  status: ticketStatusSchema.catch("open"),
  priority: ticketPrioritySchema.optional().catch(undefined),
  /** The Mine and Unassigned views; none is All. */
  assignee: z.enum(QUEUE_VIEWS).optional().catch(undefined),
  category: listFilter.category.catch(undefined),
  roleContext: listFilter.roleContext.catch(undefined),
  q: listFilter.q.catch(undefined),
  sort: listFilter.sort.catch("-createdAt"),
  cursor: listFilter.cursor.catch(undefined),
});
export type QueueParams = z.infer<typeof queueParamsSchema>;

/** Reads a page's search params; anything unusable falls back to the default view instead of failing. */
export function parseQueueParams(search: Record<string, string | string[] | undefined>): QueueParams {
  const single = Object.fromEntries(
    Object.entries(search).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value || undefined]),
  );
  return queueParamsSchema.parse(single);
}

/** The query string for both the page URL and the API call. */
export function queueSearch(params: QueueParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  return search.toString();
}
