import { AppError } from "@/lib/errors";
import { requireStaffOrToken } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { listOutboxMessages } from "@/lib/notifications/list-outbox-messages";
import { listOutboxQuery } from "@/lib/notifications/schemas";

// GET /api/outbox-messages – the newest notification emails and their delivery state (admins and API tokens)
export const GET = withProblems(async (request) => {
  const actor = await requireStaffOrToken(request);
  if (actor.kind === "staff" && actor.role !== "admin") {
    throw new AppError("forbidden", "Only admins can see the notification outbox");
  }
  const query = listOutboxQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return jsonResponse(await listOutboxMessages(query));
});
