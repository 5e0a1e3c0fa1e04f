import { revokeApiToken } from "@/lib/auth/api-tokens";
import { AppError } from "@/lib/errors";
import { auditOrigin } from "@/lib/http/audit-origin";
import { requireAdmin } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";

// DELETE /api/admin/api-tokens/{id} – revoke a token; it stops working at once (admins)
export const DELETE = withProblems(async (request, context: { params: Promise<{ id: string }> }) => {
  const admin = await requireAdmin(request);
  const { id } = await context.params;
  if (!/^[1-9]\d{0,8}$/.test(id) || !(await revokeApiToken(Number(id), auditOrigin(request, admin)))) {
    throw new AppError("not_found", `API token ${id} does not exist or is already revoked`);
  }
  return new Response(null, { status: 204 });
});
