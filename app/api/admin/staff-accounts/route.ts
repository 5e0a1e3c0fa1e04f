import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { createStaffAccount } from "@/lib/staff/create-staff-account";
import { listStaffAccounts } from "@/lib/staff/list-staff-accounts";
import { createStaffAccountInput } from "@/lib/staff/schemas";

// GET /api/admin/staff-accounts – every staff account (admins)
export const GET = defineRoute({ access: ["admin"] }, async () => jsonResponse(await listStaffAccounts()));

// POST /api/admin/staff-accounts – create an agent or admin account (admins)
export const POST = defineRoute({ access: ["admin"], body: createStaffAccountInput }, async ({ request, actor, body }) =>
  jsonResponse(await createStaffAccount(body, auditOrigin(request, actor)), { status: 201 }),
);
