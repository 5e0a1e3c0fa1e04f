import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { createApiTokenInput } from "@/lib/staff/schemas";

// GET /api/admin/api-tokens – every API token (never the token itself), newest first (admins)
export const GET = defineRoute({ access: ["admin"] }, async () => jsonResponse(await listApiTokens()));

// POST /api/admin/api-tokens – create a token; the response is the only time it is shown (admins)
export const POST = defineRoute({ access: ["admin"], body: createApiTokenInput }, async ({ request, actor, body }) =>
  jsonResponse(await createApiToken(body.name, auditOrigin(request, actor)), { status: 201 }),
);
