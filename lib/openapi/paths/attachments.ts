import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { ATTACHMENT_TYPES, ATTACHMENTS_FIELD } from "@/lib/attachments/types";
import { headers, problemResponses, security } from "../components";
import { attachmentFiles, attachmentFilesEncoding, attachmentProblemDescriptions, bareMediaType } from "../uploads";
import { TicketForReader, ticketIdPath, trackingKeyParams } from "./support-tickets";

const AddAttachmentsForm = z.strictObject({ [ATTACHMENTS_FIELD]: attachmentFiles(1) }).meta({
  id: "AddAttachmentsForm",
  description: `One or more files as multipart/form-data parts named \`${ATTACHMENTS_FIELD}\`; no other parts.`,
});

const attachmentPath = ticketIdPath.extend({
  attachmentId: z.coerce.number().int().min(1).meta({ description: "The attachment's id (from `fileUrl`)", example: 1 }),
});

// Every type a stored file can have, whatever ATTACHMENT_TYPES allows for new uploads now.
const downloadMediaTypes = [...new Set(Object.values(ATTACHMENT_TYPES).map(({ contentType }) => bareMediaType(contentType)))];

const downloadHeaders = {
  "Content-Disposition": z.string().meta({
    description:
      "`inline` for images, `attachment` for everything else, with an ASCII `filename` and the exact name as " +
      "RFC 8187 `filename*` (RFC 6266)",
    example: `attachment; filename="re_u _mai_.pdf"; filename*=UTF-8''re%C3%A7u%20%C2%ABmai%C2%BB.pdf`,
  }),
  "Cache-Control": z.literal("private, max-age=60").meta({ description: "Only the caller's own browser may keep it, briefly" }),
  "Content-Security-Policy": z
    .literal("default-src 'none'; sandbox")
    .meta({ description: "A download can never run as a page of this site" }),
  "X-Content-Type-Options": z
    .literal("nosniff")
    .meta({ description: "The type is the one detected at upload; browsers must not guess another" }),
  "Cross-Origin-Resource-Policy": z.literal("same-origin").meta({ description: "Other sites cannot embed it" }),
};

export const attachmentPaths: ZodOpenApiPathsObject = {
  "/api/support-tickets/{id}/attachments": {
    post: {
      operationId: "addAttachments",
      tags: ["Attachments"],
      summary: "Add files to a ticket",
      description:
        "Adds files to an existing ticket (not a closed one), within the per-ticket file limit, and records each in " +
        "its history. All or nothing: a refused file adds none. For staff, API tokens, or the requester's tracking key.",
      security: security.ticketReader,
      requestParams: { path: ticketIdPath, ...trackingKeyParams },
      requestBody: {
        required: true,
        content: { "multipart/form-data": { schema: AddAttachmentsForm, encoding: attachmentFilesEncoding } },
      },
      responses: {
        200: {
          description: "The ticket with its new files, and its new version",
          headers: z.object({ ETag: headers.etag }),
          content: { "application/json": { schema: TicketForReader } },
        },
        ...problemResponses([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503, 507], {
          descriptions: {
            ...attachmentProblemDescriptions,
            400: "The multipart body is malformed or was interrupted",
            403: "A signed-in write from another origin (CSRF)",
            404: "No such ticket, or a wrong tracking key",
            409: "The ticket is closed; files can no longer be added",
            415: "The body is not `multipart/form-data`, or a file's content is not an allowed type (`errors` names it)",
            422:
              "The input failed validation; `errors` names each field (no files, an empty file, a part not named " +
              `\`${ATTACHMENTS_FIELD}\`, or more files than the ticket has room for)`,
          },
        }),
      },
    },
  },
  "/api/support-tickets/{id}/attachments/{attachmentId}": {
    get: {
      operationId: "downloadAttachment",
      tags: ["Attachments"],
      summary: "Download a file",
      description:
        "The file itself (local storage), or a redirect to a short-lived signed link (UploadThing storage), with " +
        "headers that keep it from ever rendering as a page of this site. For staff, API tokens, or the requester's " +
        "tracking key (`?key=` works for links in a page).",
      security: security.ticketReader,
      requestParams: { path: attachmentPath, ...trackingKeyParams },
      responses: {
        200: {
          description: "The file, with the type detected when it was uploaded",
          headers: z.object({
            ...downloadHeaders,
            "Content-Length": z
              .string()
              .regex(/^\d+$/)
              .optional()
              .meta({ description: "The file's size in bytes (absent when the response is compressed on the way)" }),
          }),
          content: Object.fromEntries(downloadMediaTypes.map((mediaType) => [mediaType, { schema: z.file() }])),
        },
        302: {
          description: "On UploadThing storage: a redirect to a signed link that works for a short time",
          headers: z.object({
            Location: z.url().meta({ description: "The signed link to the file" }),
            "Referrer-Policy": z.literal("no-referrer").meta({ description: "The file host never learns the ticket's URL" }),
            ...downloadHeaders,
          }),
        },
        ...problemResponses([401, 404, 429, 500], {
          descriptions: {
            404: "No such ticket or attachment (an attachment is only found under its own ticket), or a wrong tracking key",
          },
        }),
      },
    },
  },
};
