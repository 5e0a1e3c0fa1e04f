import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { etag, expectedVersion, jsonResponse } from "@/lib/http/ticket-responses";
import { type LoadedServiceLevels, readServiceLevels, updateServiceLevels } from "@/lib/sla/service-levels";
import { serviceLevelsSchema } from "@/lib/sla/schemas";

const settingsResponse = ({ settings, version }: LoadedServiceLevels) => jsonResponse(settings, { headers: { etag: etag(version) } });

// GET /api/admin/service-levels – the business hours, holidays and targets per priority in force (staff or API token)
export const GET = defineRoute({ access: ["staff", "token"] }, async () => settingsResponse(await readServiceLevels()));

// PUT /api/admin/service-levels – replace them (admins); every running deadline moves to the new settings; If-Match guards against lost updates
export const PUT = defineRoute({ access: ["admin"], body: serviceLevelsSchema }, async ({ request, actor, body }) =>
  settingsResponse(await updateServiceLevels(body, auditOrigin(request, actor), expectedVersion(request))),
);
