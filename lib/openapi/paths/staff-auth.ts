import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { AUTH_BASE_PATH } from "@/lib/auth/staff-auth";
import {
  changeStaffPasswordInput,
  staffAuthErrorSchema,
  staffSessionSchema,
  staffSignInInput,
  staffSignInResultSchema,
  staffSignOutResultSchema,
  STAFF_PASSWORD,
} from "@/lib/staff/schemas";
import { headers, problemResponses, rateLimitHeaders, security } from "../components";

// better-auth's own endpoints, served by the catch-all route app/api/auth/[...all]: only those the staff pages
// use. Not sign-up: it is closed, and an operation that can never succeed is no use to a client (Redocly's
// operation-2xx-response); the tag's description says so instead. Their errors are better-auth's JSON, not
// problem+json, except what our route adds around them (the sign-in budget's 429, and unexpected failures).

const AuthError = staffAuthErrorSchema.meta({
  id: "AuthError",
  description: "better-auth's error body (not problem+json): a message and a stable `code`",
});
const StaffUser = staffSignInResultSchema.shape.user.meta({ id: "StaffUser", description: "The signed-in staff member" });
const StaffSignInInput = staffSignInInput.meta({ id: "StaffSignInInput", description: "A staff account's credentials" });
const StaffSession = staffSessionSchema.extend({ user: StaffUser }).meta({
  id: "StaffSession",
  description: "The session behind the cookie and its staff member",
});

/** A better-auth error response; `codes` lists the `code`s this operation answers with for this status. */
function authError(description: string, codes: readonly string[], responseHeaders?: z.ZodObject): ZodOpenApiResponseObject {
  return {
    description: `${description} (\`code\`: ${codes.map((code) => `\`${code}\``).join(", ")})`,
    ...(responseHeaders && { headers: responseHeaders }),
    content: { "application/json": { schema: AuthError } },
  };
}

const limited = z.object(rateLimitHeaders);
const FOREIGN_ORIGIN = "The request's `Origin` is not this site";

export const staffAuthPaths: ZodOpenApiPathsObject = {
  [`${AUTH_BASE_PATH}/sign-in/email`]: {
    post: {
      operationId: "staffSignIn",
      tags: ["Staff sessions"],
      summary: "Sign in (staff)",
      description:
        "Checks a staff account's email and password and sets the session cookie. Every attempt first spends one " +
        "request of three sign-in budgets (right password or not): per account and client address, per account from " +
        "every address, and per address on every account; over any of them is a 429 problem with `Retry-After`. " +
        "When the budgets cannot be checked (their store is down) sign-in is refused with 503 rather than left " +
        "unlimited. A refused attempt is written to the audit log. A disabled account is refused with 403. An " +
        "account with a generated password is signed in, but may only change its password until it does. Body at " +
        "most 16 KiB. Send it from this site's pages.",
      security: security.noCredentials,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: StaffSignInInput,
            examples: { staff: { value: { email: "lucia@kinconecta.com", password: "a-long-password" } } },
          },
        },
      },
      responses: {
        200: {
          description: "Signed in; the session cookie is set",
          headers: z.object({ "Set-Cookie": headers.setSessionCookie, ...rateLimitHeaders }),
          content: {
            "application/json": {
              schema: staffSignInResultSchema.extend({ user: StaffUser }).meta({ id: "StaffSignInResult" }),
            },
          },
        },
        400: authError(
          "The body is not valid JSON, or a field is missing or malformed",
          ["BAD_REQUEST", "VALIDATION_ERROR", "INVALID_EMAIL", "PASSWORD_TOO_LONG"],
          limited,
        ),
        401: authError("Wrong email or password (the same answer for an unknown email)", ["INVALID_EMAIL_OR_PASSWORD"], limited),
        403: authError(
          "The account is disabled, or the request's `Origin` is not this site",
          ["ACCOUNT_DISABLED", "INVALID_ORIGIN"],
          limited,
        ),
        415: authError("The body is neither JSON nor form-urlencoded", ["UNSUPPORTED_MEDIA_TYPE"], limited),
        ...problemResponses([413, 429, 500, 503], {
          descriptions: {
            413: "The body is larger than 16 KiB",
            429: "Too many sign-in attempts for this account, from this address, or both; wait `Retry-After` seconds",
            503: "The sign-in budgets cannot be checked right now (their store is down), or the database is not answering",
          },
        }),
      },
    },
  },
  [`${AUTH_BASE_PATH}/sign-out`]: {
    post: {
      operationId: "staffSignOut",
      tags: ["Staff sessions"],
      summary: "Sign out (staff)",
      description:
        "Ends the session on the server and expires the cookie; the cookie stops working at once, everywhere. " +
        "Without a session it just expires the cookies. Send it from this site's pages.",
      security: security.optionalStaffSession,
      requestBody: {
        required: false,
        content: { "application/json": { schema: z.object({}).meta({ description: "An empty object" }) } },
      },
      responses: {
        200: {
          description: "Signed out",
          headers: z.object({ "Set-Cookie": headers.setSessionCookie }),
          content: { "application/json": { schema: staffSignOutResultSchema } },
        },
        403: authError(FOREIGN_ORIGIN, ["INVALID_ORIGIN"]),
        ...problemResponses([413, 429, 500], { descriptions: { 413: "The body is larger than 16 KiB" } }),
      },
    },
  },
  [`${AUTH_BASE_PATH}/change-password`]: {
    post: {
      operationId: "changeStaffPassword",
      tags: ["Staff sessions"],
      summary: "Change your password (staff)",
      description:
        "Replaces the signed-in account's password after checking the current one. The new one must be " +
        `${STAFF_PASSWORD.min}–${STAFF_PASSWORD.max} characters, not on a list of common passwords and not the ` +
        "current one (422 naming `newPassword`). An account signed in with a generated password (the first admin) " +
        "must do this before anything else; afterwards it uses the desk as usual. The change is written to the " +
        "audit log. Body at most 16 KiB. Send it from this site's pages.",
      security: security.staffSession,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: changeStaffPasswordInput.meta({ id: "ChangeStaffPasswordInput" }),
            examples: {
              change: { value: { currentPassword: "the-generated-one", newPassword: "violet-anchor-47-drizzle", revokeOtherSessions: true } },
            },
          },
        },
      },
      responses: {
        200: {
          description: "Changed; with `revokeOtherSessions`, a new session cookie replaces every other session",
          headers: z.object({ "Set-Cookie": headers.setSessionCookie.optional() }),
          content: {
            "application/json": {
              schema: z.object({
                token: z.string().nullable().meta({ description: "The new session's token when other sessions were ended" }),
                user: StaffUser,
              }),
            },
          },
        },
        400: authError("The current password is wrong", ["INVALID_PASSWORD"]),
        401: authError("Not signed in", ["UNAUTHORIZED"]),
        403: authError(FOREIGN_ORIGIN, ["INVALID_ORIGIN"]),
        ...problemResponses([413, 422, 429, 500], {
          descriptions: {
            413: "The body is larger than 16 KiB",
            422: "The new password is too short or long, a common one, or the current one; `errors` names the field",
          },
        }),
      },
    },
  },
  [`${AUTH_BASE_PATH}/get-session`]: {
    get: {
      operationId: "getStaffSession",
      tags: ["Staff sessions"],
      summary: "The current staff session",
      description:
        "The session behind the cookie and its staff member, or `null` when there is none (no cookie, expired, " +
        "signed out). An invalid cookie is expired in the answer.",
      security: security.optionalStaffSession,
      responses: {
        200: {
          description: "The session, or `null`",
          headers: z.object({
            "Cache-Control": z.literal("no-store").meta({ description: "Never cached" }),
            "Set-Cookie": z.string().optional().meta({ description: "Expires a session cookie that no longer works" }),
          }),
          content: { "application/json": { schema: StaffSession.nullable() } },
        },
        ...problemResponses([403, 429], {
          descriptions: { 403: "The account signed in with a generated password and must change it first" },
        }),
      },
    },
  },
};
