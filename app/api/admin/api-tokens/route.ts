import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { auditOrigin } from "@/lib/http/audit-origin";
import { requireAdmin } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { withProblems } from "@/lib/http/handler";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { createApiTokenInput } from "@/lib/staff/schemas";

// GET /api/admin/api-tokens – every API token (never the token itself), newest first (admins)
export const GET = withProblems(async (request) => {
  await requireAdmin(request);
  return jsonResponse(await listApiTokens());
});

// POST /api/admin/api-tokens – create a token; the response is the only time it is shown (admins)
export const POST = withProblems(async (request) => {
  const admin = await requireAdmin(request);
  const { name } = createApiTokenInput.parse(await readJson(request));
  return jsonResponse(await createApiToken(name, auditOrigin(request, admin)), { status: 201 });
});
