import { requireStaffOrToken } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { listOutboxMessages } from "@/lib/notifications/list-outbox-messages";
import { listOutboxQuery } from "@/lib/notifications/schemas";

// GET /api/outbox-messages – the newest notification emails and their delivery state (?status=, ?ticketId=, ?limit=)
export const GET = withProblems(async (request) => {
  await requireStaffOrToken(request);
  const query = listOutboxQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return jsonResponse(await listOutboxMessages(query));
});
