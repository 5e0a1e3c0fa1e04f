import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { securitySchemes } from "./components";
import { platformPaths } from "./paths/platform";
import { supportTicketPaths } from "./paths/support-tickets";

/** Every operation module; a new group of endpoints adds its `paths/<area>.ts` here. */
const PATH_GROUPS: readonly ZodOpenApiPathsObject[] = [supportTicketPaths, platformPaths];

/** The OpenAPI 3.1 document for the API, built from the zod schemas the handlers validate with. */
export function buildOpenApiDocument(serverUrl: string): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Kinconecta Support Tickets API",
      version: "1.0.0",
      description:
        "File and follow support tickets for Kinconecta tourists and guides. Errors are RFC 9457 problem+json; " +
        "rate-limited responses carry the IETF `RateLimit-Policy` and `RateLimit` headers. See /docs/api.",
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "Support tickets", description: "Filing, reading and moving tickets through the workflow" },
      { name: "Platform", description: "Health and this document" },
    ],
    components: { securitySchemes },
    paths: Object.assign({}, ...PATH_GROUPS),
  });
}
