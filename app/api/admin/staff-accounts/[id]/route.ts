import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { staffAccountParams } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { updateStaffAccountInput } from "@/lib/staff/schemas";
import { updateStaffAccount } from "@/lib/staff/update-staff-account";

// PATCH /api/admin/staff-accounts/{id} – set the account's open-ticket cap for round robin (admins)
export const PATCH = defineRoute(
  { access: ["admin"], params: staffAccountParams, body: updateStaffAccountInput },
  async ({ request, actor, params, body }) => jsonResponse(await updateStaffAccount(params.id, body, auditOrigin(request, actor))),
);
