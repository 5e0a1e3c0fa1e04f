import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { categoryParams } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { updateCategoryLabelsInput } from "@/lib/tickets/category-schemas";
import { updateCategoryLabels } from "@/lib/tickets/update-category-labels";

// PATCH /api/admin/categories/{name} – change a category's labels (admins); the stored name stays
export const PATCH = defineRoute(
  { access: ["admin"], params: categoryParams, body: updateCategoryLabelsInput },
  async ({ request, actor, params, body }) => jsonResponse(await updateCategoryLabels(params.name, body, auditOrigin(request, actor))),
);
