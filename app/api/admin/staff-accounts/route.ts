import { auditOrigin } from "@/lib/http/audit-origin";
import { requireAdmin } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { withProblems } from "@/lib/http/handler";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { createStaffAccount } from "@/lib/staff/create-staff-account";
import { listStaffAccounts } from "@/lib/staff/list-staff-accounts";
import { createStaffAccountInput } from "@/lib/staff/schemas";

// GET /api/admin/staff-accounts – every staff account (admins)
export const GET = withProblems(async (request) => {
  await requireAdmin(request);
  return jsonResponse(await listStaffAccounts());
});

// POST /api/admin/staff-accounts – create an agent or admin account (admins)
export const POST = withProblems(async (request) => {
  const admin = await requireAdmin(request);
  const input = createStaffAccountInput.parse(await readJson(request));
  return jsonResponse(await createStaffAccount(input, auditOrigin(request, admin)), { status: 201 });
});
