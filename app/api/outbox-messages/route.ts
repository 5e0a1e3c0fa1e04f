import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { listOutboxMessages } from "@/lib/notifications/list-outbox-messages";
import { listOutboxQuery } from "@/lib/notifications/schemas";

// GET /api/outbox-messages – the newest notification emails and their delivery state (admins and API tokens)
export const GET = defineRoute({ access: ["admin", "token"], query: listOutboxQuery }, async ({ query }) =>
  jsonResponse(await listOutboxMessages(query)),
);
