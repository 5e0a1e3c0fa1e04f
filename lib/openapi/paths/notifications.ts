import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { listOutboxMessages } from "@/lib/notifications/list-outbox-messages";
import { listOutboxQuery, OUTBOX_LIST_LIMIT, outboxMessageSchema } from "@/lib/notifications/schemas";
import { type Assert, problemResponses, type Same, security } from "../components";
import { notificationExamples } from "../examples";

const OutboxMessage = outboxMessageSchema.meta({
  id: "OutboxMessage",
  description:
    "A notification email to a ticket's requester and its delivery state: `pending` (queued, or waiting to retry " +
    "at `nextAttemptAt`), `sent`, or `failed` (given up; `lastError` says why).",
});

// The listing returns every column but the HTML part: a new column must be documented too.
type ListedColumns = keyof Awaited<ReturnType<typeof listOutboxMessages>>[number];
type _OutboxColumnsMatch = Assert<Same<ListedColumns, keyof z.infer<typeof outboxMessageSchema>>>;

export const notificationPaths: ZodOpenApiPathsObject = {
  "/api/outbox-messages": {
    get: {
      operationId: "listOutboxMessages",
      tags: ["Notifications"],
      summary: "List notification emails",
      description:
        `The newest notification emails first (default ${OUTBOX_LIST_LIMIT.default}, at most ${OUTBOX_LIST_LIMIT.max}), ` +
        "with their delivery state; filter by `status` or `ticketId`. For admins and API tokens.",
      security: security.staffOrToken,
      requestParams: { query: listOutboxQuery },
      responses: {
        200: {
          description: "The messages, newest first",
          content: {
            "application/json": { schema: z.array(OutboxMessage), examples: { sent: notificationExamples.outbox } },
          },
        },
        ...problemResponses([401, 403, 422, 429, 500], {
          descriptions: { 403: "Signed in as an agent: only admins (and API tokens) see the outbox" },
        }),
      },
    },
  },
};
