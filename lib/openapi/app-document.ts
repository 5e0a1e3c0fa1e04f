import "server-only";
import { env } from "@/lib/env";
import { buildOpenApiDocument } from "./document";
import { referenceOutlineHtml } from "./outline";

// Built once per process: the schemas cannot change while it runs.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;
let outline: string | undefined;

/** This server's OpenAPI document (its URL is APP_URL), as /api/openapi.json serves it. */
export function appOpenApiDocument(): ReturnType<typeof buildOpenApiDocument> {
  document ??= buildOpenApiDocument(env.APP_URL);
  return document;
}

/** The document as plain HTML for /docs/api's first paint (see referenceOutlineHtml). */
export function appReferenceOutline(): string {
  outline ??= referenceOutlineHtml(appOpenApiDocument());
  return outline;
}
