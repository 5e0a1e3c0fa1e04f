import { z } from "zod";
import { roleContextSchema, SEARCH_TEXT_MAX, TICKET_LIMITS, TICKET_SORTS, ticketStatusSchema } from "@/lib/tickets/schemas";
import { textField } from "@/lib/zod/text";

/** The queue's view, held in the page URL (bookmarkable) with the API's own parameter names. */
export const queueParamsSchema = z.object({
  status: ticketStatusSchema.catch("open"),
  category: textField("Category", { max: TICKET_LIMITS.category }).optional().catch(undefined),
  roleContext: roleContextSchema.optional().catch(undefined),
  q: textField("Search text", { max: SEARCH_TEXT_MAX }).optional().catch(undefined),
  sort: z.enum(TICKET_SORTS).catch("-createdAt"),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type QueueParams = z.infer<typeof queueParamsSchema>;

export const QUEUE_PAGE_SIZE = 50;

/** Reads a page's search params; anything unusable falls back to the default view instead of failing. */
export function parseQueueParams(search: Record<string, string | string[] | undefined>): QueueParams {
  const single = Object.fromEntries(
    Object.entries(search).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value || undefined]),
  );
  return queueParamsSchema.parse(single);
}

/** The query string for both the page URL and the API call (which also gets the page size). */
export function queueSearch(params: QueueParams, { forPage = false } = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  if (!forPage) search.set("limit", String(QUEUE_PAGE_SIZE));
  return search.toString();
}
