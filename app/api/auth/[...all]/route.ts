import { AUTH_BASE_PATH, getStaffAuth } from "@/lib/auth/staff-auth";
import { findStaffActor, findStaffSession } from "@/lib/auth/staff-session";
import { auditOrigin } from "@/lib/http/audit-origin";
import { readBodyBytes } from "@/lib/http/body";
import { defineRoute } from "@/lib/http/define-route";
import { clientAddress, limitSignIn } from "@/lib/http/rate-limit";
import { checkNewStaffPassword, recordStaffPasswordChange } from "@/lib/staff/change-staff-password";
import { recordFailedSignIn } from "@/lib/staff/record-failed-sign-in";

/** Every body better-auth reads is this small; the cap applies before anything parses it. */
const AUTH_BODY_MAX_BYTES = 16 * 1024;

// GET /api/auth/* – better-auth's own endpoints (get-session); refused (403) to a session that must change its password
// Credentials unread by defineRoute ("anyone"): these endpoints are where a session starts, ends or changes.
export const GET = defineRoute({ access: ["anyone"] }, async ({ request }) => {
  await findStaffActor(request.headers);
  return (await getStaffAuth()).handler(request);
});

// POST /api/auth/* – sign-in/email (after the sign-in budgets), sign-out, change-password (after our password rules)
export const POST = defineRoute({ access: ["anyone"] }, async ({ request }) => {
  const body = await readBodyBytes(request, AUTH_BODY_MAX_BYTES);
  const forwarded = new Request(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(body) });
  const auth = await getStaffAuth();
  switch (new URL(request.url).pathname.slice(AUTH_BASE_PATH.length)) {
    case "/sign-in/email": {
      const account = namedAccount(parseAuthBody(request, body).email);
      await limitSignIn(request, account);
      const response = await auth.handler(forwarded);
      if (response.status === 401 || response.status === 403) {
        const { code } = (await response.clone().json().catch(() => ({}))) as { code?: string };
        await recordFailedSignIn(account, clientAddress(request), code ?? `status ${response.status}`);
      }
      return response;
    }
    case "/sign-out":
      return auth.handler(forwarded);
    case "/change-password": {
      const session = await findStaffSession(request.headers);
      if (!session) return auth.handler(forwarded); // better-auth answers 401
      checkNewStaffPassword(parseAuthBody(request, body));
      const response = await auth.handler(forwarded);
      if (response.ok) await recordStaffPasswordChange(session.actor.userId, auditOrigin(request, session.actor));
      return response;
    }
    default:
      await findStaffActor(request.headers);
      return auth.handler(forwarded);
  }
});

/** The fields of a JSON or form-encoded body (what better-auth accepts); anything else reads as none. */
function parseAuthBody(request: Request, body: Buffer): Record<string, unknown> {
  const text = body.toString("utf8");
  if (request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The account a sign-in names, as its budgets and the audit log key it: one line of at most 254 characters that
 * PostgreSQL can store (a NUL would fail the counter's insert and read as "limit store down"). better-auth still
 * checks the address itself.
 */
function namedAccount(email: unknown): string {
  return typeof email === "string" ? email.replace(/[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/g, "").slice(0, 254) : "";
}
