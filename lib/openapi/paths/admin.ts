import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { auditEntrySchema, listAuditLogQuery } from "@/lib/audit/schemas";
import {
  apiTokenSummarySchema,
  createApiTokenInput,
  createdApiTokenSchema,
  createStaffAccountInput,
  MAX_OPEN_TICKET_CAP,
  STAFF_PASSWORD,
  staffAccountSchema,
  updateStaffAccountInput,
} from "@/lib/staff/schemas";
import { DEFAULT_SERVICE_LEVELS, serviceLevelsSchema } from "@/lib/sla/schemas";
import { adminCategorySchema, CATEGORY_LABEL_MAX, updateCategoryLabelsInput } from "@/lib/tickets/category-schemas";
import { headers, problemResponses, security } from "../components";
import { adminExamples } from "../examples";

// The admin API behind the staff admin page: a signed-in admin's session cookie only, never an API token.

const ApiToken = apiTokenSummarySchema.meta({
  id: "ApiToken",
  description: "An API token as listed: never the token itself (only its hash is stored)",
});
const CreatedApiToken = createdApiTokenSchema.meta({
  id: "CreatedApiToken",
  description: "The new token; `token` is shown this once and cannot be recovered (send it as `Authorization: Bearer`)",
});
const CreateApiTokenInput = createApiTokenInput.meta({ id: "CreateApiTokenInput", description: "A name to recognise the token by" });
const AuditEntry = auditEntrySchema.meta({ id: "AuditEntry", description: "One audited action or failed sign-in" });
const StaffAccount = staffAccountSchema.meta({ id: "StaffAccount", description: "A staff account (never its password)" });
const UpdateStaffAccountInput = updateStaffAccountInput.meta({
  id: "UpdateStaffAccountInput",
  description: `The most open or in-progress tickets round robin may give the account (1–${MAX_OPEN_TICKET_CAP}), or null for no limit`,
});
const CreateStaffAccountInput = createStaffAccountInput.meta({
  id: "CreateStaffAccountInput",
  description:
    `A new staff account that signs in with email and password (${STAFF_PASSWORD.min}–${STAFF_PASSWORD.max} ` +
    "characters); `name` defaults to the email's local part, `role` to `agent`.",
});

const AdminCategory = adminCategorySchema.meta({
  id: "AdminCategory",
  description: "A category: its stored name (what tickets and the API use) and what readers of each language see",
});
const UpdateCategoryLabelsInput = updateCategoryLabelsInput.meta({
  id: "UpdateCategoryLabelsInput",
  description: `New labels (1–${CATEGORY_LABEL_MAX} characters, one line); a language left out keeps its label`,
});

const ServiceLevels = serviceLevelsSchema.meta({
  id: "ServiceLevels",
  description:
    "Business hours per weekday (`from`/`to` as HH:MM local time, in order, not overlapping; an empty list is a day off), " +
    "holidays (local dates), and per priority the business minutes until the first public staff reply and until resolution",
});
const serviceLevelsEtag = z.string().meta({
  description: "The settings' version; send it back in `If-Match` to save over exactly that version",
  example: '"v2"',
  header: { id: "ServiceLevelsETag" },
});

const ADMIN_ONLY = "Admins only, signed in on the staff pages (an API token gets 403).";
const adminProblems = {
  401: "Not signed in",
  403: "Signed in, but not an admin; an API token; or a write from another origin (CSRF)",
} as const;
const adminReadProblems = { ...adminProblems, 403: "Signed in, but not an admin; or an API token" } as const;

const apiTokenIdPath = z.object({
  id: z.coerce.number().int().min(1).meta({ description: "The token's id", example: 3 }),
});
const categoryNamePath = z.object({
  name: z.string().min(1).meta({ description: "The category's stored name (URL-encoded)", example: "Technical Issue" }),
});
const billing = { name: "Billing", active: true, position: 5, labels: { es: "Pagos y facturación", en: "Billing" } };
const staffAccountIdPath = z.object({
  id: z.string().min(1).meta({ description: "The staff account's id", example: "ZAPbleoM68K40blMOjgNqpML2iMuqyfg" }),
});

export const adminPaths: ZodOpenApiPathsObject = {
  "/api/admin/api-tokens": {
    get: {
      operationId: "listApiTokens",
      tags: ["Admin"],
      summary: "List API tokens",
      description: `Every API token, newest first, with when it was last used and whether it is revoked. ${ADMIN_ONLY}`,
      security: security.staffSession,
      responses: {
        200: {
          description: "The tokens, newest first",
          content: { "application/json": { schema: z.array(ApiToken), examples: { tokens: adminExamples.tokenList } } },
        },
        ...problemResponses([401, 403, 429, 500], { descriptions: adminReadProblems }),
      },
    },
    post: {
      operationId: "createApiToken",
      tags: ["Admin"],
      summary: "Create an API token",
      description: `Creates a token for an integration; the response is the only time it is shown. ${ADMIN_ONLY}`,
      security: security.staffSession,
      requestBody: {
        required: true,
        content: { "application/json": { schema: CreateApiTokenInput, examples: { zapier: { value: { name: "zapier" } } } } },
      },
      responses: {
        201: {
          description: "Created",
          content: { "application/json": { schema: CreatedApiToken, examples: { zapier: adminExamples.createdToken } } },
        },
        ...problemResponses([400, 401, 403, 413, 415, 422, 429, 500], { descriptions: adminProblems }),
      },
    },
  },
  "/api/admin/api-tokens/{id}": {
    delete: {
      operationId: "revokeApiToken",
      tags: ["Admin"],
      summary: "Revoke an API token",
      description: `The token stops working at once; it stays listed with \`revokedAt\`. ${ADMIN_ONLY}`,
      security: security.staffSession,
      requestParams: { path: apiTokenIdPath },
      responses: {
        204: { description: "Revoked" },
        ...problemResponses([401, 403, 404, 429, 500], {
          descriptions: { ...adminProblems, 404: "No such token, or it is already revoked" },
        }),
      },
    },
  },
  "/api/admin/categories": {
    get: {
      operationId: "listAdminCategories",
      tags: ["Admin"],
      summary: "List categories with their labels",
      description: `Every category, active or not, in the form's order, with its label per language. ${ADMIN_ONLY}`,
      security: security.staffSession,
      responses: {
        200: {
          description: "The categories, in the form's order",
          content: { "application/json": { schema: z.array(AdminCategory), examples: { categories: { value: [billing] } } } },
        },
        ...problemResponses([401, 403, 429, 500], { descriptions: adminReadProblems }),
      },
    },
  },
  "/api/admin/categories/{name}": {
    patch: {
      operationId: "updateCategoryLabels",
      tags: ["Admin"],
      summary: "Change a category's labels",
      description:
        "Sets what requesters and agents read for the category in each language; its stored name (what tickets and " +
        "the API keep) does not change. Written to the audit log (`category.labels_changed`). This server shows the " +
        `new labels at once; other instances of the app within 10 seconds. ${ADMIN_ONLY}`,
      security: security.staffSession,
      requestParams: { path: categoryNamePath },
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: UpdateCategoryLabelsInput,
            examples: { spanish: { value: { labels: { es: "Pagos y facturación" } } } },
          },
        },
      },
      responses: {
        200: { description: "The category with its new labels", content: { "application/json": { schema: AdminCategory, examples: { billing: { value: billing } } } } },
        ...problemResponses([400, 401, 403, 404, 413, 415, 422, 429, 500], {
          descriptions: { ...adminProblems, 404: "No category has this name" },
        }),
      },
    },
  },
  "/api/admin/service-levels": {
    get: {
      operationId: "getServiceLevels",
      tags: ["Admin"],
      summary: "Get the service levels",
      description:
        "The business hours (per weekday, in `timeZone`), holidays and the first-reply and resolution targets per priority " +
        "(in business minutes) that ticket deadlines (`sla`) are counted in. Until an admin saves them: Monday to Friday " +
        "09:00–18:00 in America/Mexico_City, Mexico's statutory rest days, and the defaults in the example.",
      security: security.staffOrToken,
      responses: {
        200: {
          description: "The settings in force",
          headers: z.object({ ETag: serviceLevelsEtag }),
          content: { "application/json": { schema: ServiceLevels, examples: { defaults: { value: DEFAULT_SERVICE_LEVELS } } } },
        },
        ...problemResponses([401, 429, 500]),
      },
    },
    put: {
      operationId: "updateServiceLevels",
      tags: ["Admin"],
      summary: "Replace the service levels",
      description:
        "Saves new settings and moves every running deadline to them, in one transaction (time already counted stays " +
        "counted). Written to the audit log (`service_levels.changed`). Send the ETag from GET as `If-Match` to be " +
        `sure no other admin saved in between (412 otherwise). Other instances of the app use them within 10 seconds. ${ADMIN_ONLY}`,
      security: security.staffSession,
      requestParams: { header: z.object({ "if-match": z.string().optional().meta({ description: "The ETag from GET", example: '"v2"' }) }) },
      requestBody: { required: true, content: { "application/json": { schema: ServiceLevels, examples: { defaults: { value: DEFAULT_SERVICE_LEVELS } } } } },
      responses: {
        200: {
          description: "The saved settings",
          headers: z.object({ ETag: serviceLevelsEtag }),
          content: { "application/json": { schema: ServiceLevels } },
        },
        ...problemResponses([400, 401, 403, 412, 413, 415, 422, 429, 500], {
          descriptions: { ...adminProblems, 412: "Another admin saved the settings since the ETag you sent" },
        }),
      },
    },
  },
  "/api/admin/audit-log": {
    get: {
      operationId: "listAuditLog",
      tags: ["Admin"],
      summary: "Read the audit log",
      description:
        "API tokens created and revoked, staff accounts created and disabled, the first admin created, passwords " +
        "changed and failed sign-ins (under the account they named, with the client address), newest first. Each " +
        `entry is written in the same transaction as its action. The next page's URL is in \`Link\`. ${ADMIN_ONLY}`,
      security: security.staffSession,
      requestParams: { query: listAuditLogQuery },
      responses: {
        200: {
          description: "A page of entries, newest first",
          headers: z.object({ Link: headers.link.optional() }),
          content: { "application/json": { schema: z.array(AuditEntry), examples: { entries: adminExamples.auditLog } } },
        },
        ...problemResponses([401, 403, 422, 429, 500], { descriptions: adminReadProblems }),
      },
    },
  },
  "/api/admin/staff-accounts": {
    get: {
      operationId: "listStaffAccounts",
      tags: ["Admin"],
      summary: "List staff accounts",
      description: `Every staff account, by email. ${ADMIN_ONLY}`,
      security: security.staffSession,
      responses: {
        200: {
          description: "The accounts, by email",
          content: { "application/json": { schema: z.array(StaffAccount), examples: { accounts: adminExamples.staffList } } },
        },
        ...problemResponses([401, 403, 429, 500], { descriptions: adminReadProblems }),
      },
    },
    post: {
      operationId: "createStaffAccount",
      tags: ["Admin"],
      summary: "Create a staff account",
      description: `Creates an agent or admin account that can sign in at once. ${ADMIN_ONLY}`,
      security: security.staffSession,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: CreateStaffAccountInput,
            examples: { agent: { value: { email: "lucia@kinconecta.com", password: "a-long-password", role: "agent" } } },
          },
        },
      },
      responses: {
        201: {
          description: "Created",
          content: { "application/json": { schema: StaffAccount, examples: { agent: adminExamples.createdStaffAccount } } },
        },
        ...problemResponses([400, 401, 403, 413, 415, 422, 429, 500, 503], {
          descriptions: {
            ...adminProblems,
            422:
              "The input failed validation, the password is a commonly used one, or an account with this email exists; " +
              "`errors` names each field",
            503: "The account could not be created just now, or the database is not answering; retry",
          },
        }),
      },
    },
  },
  "/api/admin/staff-accounts/{id}": {
    patch: {
      operationId: "updateStaffAccount",
      tags: ["Admin"],
      summary: "Set a staff account's open-ticket cap",
      description:
        "Round robin gives new tickets to the agents marked available (each sets that with `PATCH /api/staff/me`), " +
        "the one who waited longest first, skipping anyone who already has `openTicketCap` open or in-progress tickets; " +
        `null for no limit. Written to the audit log (\`staff_account.cap_changed\`). ${ADMIN_ONLY}`,
      security: security.staffSession,
      requestParams: { path: staffAccountIdPath },
      requestBody: {
        required: true,
        content: { "application/json": { schema: UpdateStaffAccountInput, examples: { cap: { value: { openTicketCap: 15 } } } } },
      },
      responses: {
        200: { description: "The account with its new cap", content: { "application/json": { schema: StaffAccount, examples: { lucia: { value: { ...adminExamples.createdStaffAccount.value, openTicketCap: 15 } } } } } },
        ...problemResponses([400, 401, 403, 404, 413, 415, 422, 429, 500], { descriptions: { ...adminProblems, 404: "No such staff account" } }),
      },
    },
  },
  "/api/admin/staff-accounts/{id}/disable": {
    post: {
      operationId: "disableStaffAccount",
      tags: ["Admin"],
      summary: "Disable a staff account",
      description:
        "Refuses the account's sign-ins from now on and ends every session it has, so its next request is signed " +
        `out. No body. ${ADMIN_ONLY}`,
      security: security.staffSession,
      requestParams: { path: staffAccountIdPath },
      responses: {
        204: { description: "Disabled (also when it already was)" },
        ...problemResponses([401, 403, 404, 409, 429, 500], {
          descriptions: { ...adminProblems, 404: "No such staff account", 409: "An admin cannot disable their own account" },
        }),
      },
    },
  },
};
