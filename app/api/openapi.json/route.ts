import { env } from "@/lib/env";
import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { buildOpenApiDocument } from "@/lib/openapi/document";

// Built once per process: the schemas cannot change while it runs.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

// GET /api/openapi.json – the OpenAPI 3.1 description of this API (public; drives /docs/api)
export const GET = defineRoute({ access: ["public"] }, async () => {
  document ??= buildOpenApiDocument(env.APP_URL);
  return jsonResponse(document, { headers: { "cache-control": "public, max-age=300" } });
});
