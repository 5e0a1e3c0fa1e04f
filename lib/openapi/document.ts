import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { securitySchemes } from "./components";
import { adminPaths } from "./paths/admin";
import { attachmentPaths } from "./paths/attachments";
import { conversationPaths } from "./paths/conversation";
import { inboundEmailPaths } from "./paths/inbound-email";
import { notificationPaths } from "./paths/notifications";
import { platformPaths } from "./paths/platform";
import { reportPaths } from "./paths/reports";
import { staffAuthPaths } from "./paths/staff-auth";
import { staffProfilePaths } from "./paths/staff-profile";
import { supportTicketPaths } from "./paths/support-tickets";
import { webhookEvents, webhookPaths } from "./paths/webhooks";

/** Every operation module; a new group of endpoints adds its `paths/<area>.ts` here. */
const PATH_GROUPS: readonly ZodOpenApiPathsObject[] = [
  supportTicketPaths,
  conversationPaths,
  inboundEmailPaths,
  attachmentPaths,
  notificationPaths,
  staffAuthPaths,
  staffProfilePaths,
  adminPaths,
  webhookPaths,
  reportPaths,
  platformPaths,
];

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
      // Kinconecta's own API: no open licence; the link is the owner's site.
      license: { name: "Proprietary (Kinconecta)", url: "https://kinconecta.com" },
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "Support tickets", description: "Filing, reading and moving tickets through the workflow" },
      { name: "Conversation", description: "Replies, internal notes, the requester's confirmation and rating" },
      { name: "Inbound email", description: "Email in: a mail provider forwarding messages, and the originals of emailed messages" },
      { name: "Attachments", description: "Files on tickets: adding them and downloading them" },
      { name: "Notifications", description: "The emails sent to requesters, and their delivery" },
      {
        name: "Staff sessions",
        description:
          "Signing staff in and out (better-auth, under /api/auth). There is no public sign-up: staff accounts are " +
          "created by an admin (`POST /api/admin/staff-accounts`) or `npm run staff:create`.",
      },
      { name: "Admin", description: "API tokens, staff accounts, category labels and the audit log, for signed-in admins" },
      { name: "Webhooks", description: "Endpoints that hear about tickets (signed, retried deliveries), for signed-in admins; and the events they receive" },
      { name: "Reports", description: "Figures over tickets (volumes, backlog, reply and resolution times, service levels, satisfaction) and a CSV export" },
      { name: "Platform", description: "Health, benchmarks and this document" },
    ],
    components: { securitySchemes },
    paths: Object.assign({}, ...PATH_GROUPS),
    webhooks: webhookEvents,
  });
}
