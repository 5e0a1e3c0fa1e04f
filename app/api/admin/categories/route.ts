import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { listAdminCategories } from "@/lib/tickets/list-admin-categories";

// GET /api/admin/categories – every category with its labels per language (admins)
export const GET = defineRoute({ access: ["admin"] }, async () => jsonResponse(await listAdminCategories()));
