import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { appOpenApiDocument } from "@/lib/openapi/app-document";

// GET /api/openapi.json – the OpenAPI 3.1 description of this API (public; drives /docs/api)
export const GET = defineRoute({ access: ["public"] }, async () =>
  jsonResponse(appOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
