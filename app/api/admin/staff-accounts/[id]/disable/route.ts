import { auditOrigin } from "@/lib/http/audit-origin";
import { requireAdmin } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";
import { disableStaffAccount } from "@/lib/staff/disable-staff-account";

// POST /api/admin/staff-accounts/{id}/disable – refuse the account's sign-ins and end its sessions (admins)
export const POST = withProblems(async (request, context: { params: Promise<{ id: string }> }) => {
  const admin = await requireAdmin(request);
  const { id } = await context.params;
  await disableStaffAccount(id, admin, auditOrigin(request, admin));
  return new Response(null, { status: 204 });
});
