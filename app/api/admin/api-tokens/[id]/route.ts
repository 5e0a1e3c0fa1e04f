import { revokeApiToken } from "@/lib/auth/api-tokens";
import { AppError } from "@/lib/errors";
import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { apiTokenParams } from "@/lib/http/route-params";

// DELETE /api/admin/api-tokens/{id} – revoke a token; it stops working at once (admins)
export const DELETE = defineRoute({ access: ["admin"], params: apiTokenParams }, async ({ request, actor, params }) => {
  if (!(await revokeApiToken(params.id, auditOrigin(request, actor)))) {
    throw new AppError("not_found", `API token ${params.id} does not exist or is already revoked`);
  }
  return new Response(null, { status: 204 });
});
