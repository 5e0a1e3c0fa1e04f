import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { staffAccountParams } from "@/lib/http/route-params";
import { disableStaffAccount } from "@/lib/staff/disable-staff-account";

// POST /api/admin/staff-accounts/{id}/disable – refuse the account's sign-ins and end its sessions (admins)
export const POST = defineRoute({ access: ["admin"], params: staffAccountParams }, async ({ request, actor, params }) => {
  await disableStaffAccount(params.id, actor, auditOrigin(request, actor));
  return new Response(null, { status: 204 });
});
