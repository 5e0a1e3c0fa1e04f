import { listAuditLog } from "@/lib/audit/list-audit-log";
import { listAuditLogQuery } from "@/lib/audit/schemas";
import { defineRoute } from "@/lib/http/define-route";
import { nextPageLink } from "@/lib/http/list-query";
import { jsonResponse } from "@/lib/http/ticket-responses";

// GET /api/admin/audit-log – admin actions and failed sign-ins, newest first, a page at a time (admins)
export const GET = defineRoute({ access: ["admin"], query: listAuditLogQuery }, async ({ request, query }) => {
  const { entries, nextCursor } = await listAuditLog(query);
  return jsonResponse(entries, { headers: nextCursor ? { link: nextPageLink(new URL(request.url), nextCursor) } : {} });
});
