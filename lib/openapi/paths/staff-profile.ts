import type { ZodOpenApiPathsObject } from "zod-openapi";
import { staffProfileSchema, updateStaffProfileInput } from "@/lib/staff/schemas";
import { problemResponses, security } from "../components";

// The signed-in staff member's own account: a session cookie only, never an API token (a token is no person).

const StaffProfile = staffProfileSchema.meta({ id: "StaffProfile", description: "The signed-in staff member and their preferences" });
const UpdateStaffProfileInput = updateStaffProfileInput.meta({
  id: "UpdateStaffProfileInput",
  description: "The staff pages' language for this account; null follows the browser again",
});

const SESSION_ONLY = "Signed-in staff on the staff pages only (an API token gets 403).";
const lucia = { id: "ZAPbleoM68K40blMOjgNqpML2iMuqyfg", email: "lucia@kinconecta.com", name: "lucia", role: "agent", locale: "es", available: false };

export const staffProfilePaths: ZodOpenApiPathsObject = {
  "/api/staff/me": {
    get: {
      operationId: "getStaffProfile",
      tags: ["Staff sessions"],
      summary: "Read your own staff account",
      description: `The signed-in staff member's account and chosen language. ${SESSION_ONLY}`,
      security: security.staffSession,
      responses: {
        200: { description: "Your account", content: { "application/json": { schema: StaffProfile, examples: { lucia: { value: lucia } } } } },
        ...problemResponses([401, 403, 429, 500], { descriptions: { 401: "Not signed in", 403: "An API token" } }),
      },
    },
    patch: {
      operationId: "updateStaffProfile",
      tags: ["Staff sessions"],
      summary: "Choose your language and whether you take new tickets",
      description:
        "`locale`: the staff pages' language for the signed-in account: `es`, `en`, or null to follow the `locale` cookie and " +
        "the browser's Accept-Language again; it applies from the next page load. `available`: while true, round robin " +
        "gives you new tickets (up to the open-ticket cap an admin set for you). Send either or both. " +
        SESSION_ONLY,
      security: security.staffSession,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: UpdateStaffProfileInput,
            examples: { english: { value: { locale: "en" } }, available: { value: { available: true } } },
          },
        },
      },
      responses: {
        200: {
          description: "Your account with its new preferences",
          content: { "application/json": { schema: StaffProfile, examples: { lucia: { value: { ...lucia, locale: "en" } } } } },
        },
        ...problemResponses([400, 401, 403, 413, 415, 422, 429, 500], {
          descriptions: { 401: "Not signed in", 403: "An API token, or a write from another origin (CSRF)", 422: "`locale` is not `es`, `en` or null, `available` is not a boolean, or neither was sent" },
        }),
      },
    },
  },
};
