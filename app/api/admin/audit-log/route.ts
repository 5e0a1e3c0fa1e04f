import { listAuditLog } from "@/lib/audit/list-audit-log";
import { listAuditLogQuery } from "@/lib/audit/schemas";
import { requireAdmin } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";
import { nextPageLink } from "@/lib/http/list-query";
import { jsonResponse } from "@/lib/http/ticket-responses";

// GET /api/admin/audit-log – admin actions and failed sign-ins, newest first, a page at a time (admins)
export const GET = withProblems(async (request) => {
  await requireAdmin(request);
  const url = new URL(request.url);
  const query = listAuditLogQuery.parse(Object.fromEntries(url.searchParams));
  const { entries, nextCursor } = await listAuditLog(query);
  return jsonResponse(entries, { headers: nextCursor ? { link: nextPageLink(url, nextCursor) } : {} });
});
