import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { authVerifications, staffAccounts, staffSessions, staffUsers } from "@/db/schema";
import { env } from "@/lib/env";
import { appSecret } from "@/lib/server/app-secret";
import { STAFF_PASSWORD } from "@/lib/staff/schemas";

/** Where better-auth's own endpoints live (sign-in, sign-out, get-session). */
export const AUTH_BASE_PATH = "/api/auth";
const SESSION_DAYS = 7;

async function createStaffAuth() {
  const db = await getDb();
  return betterAuth({
    appName: "Kinconecta Support",
    baseURL: env.APP_URL,
    basePath: AUTH_BASE_PATH,
    secret: appSecret(),
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: staffUsers,
        session: staffSessions,
        account: staffAccounts,
        verification: authVerifications,
      },
    }),
    // Staff accounts are made by an admin or `npm run staff:create`, never by the public.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: STAFF_PASSWORD.min, maxPasswordLength: STAFF_PASSWORD.max },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "agent", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
        mustChangePassword: { type: "boolean", required: false, defaultValue: false, input: false },
        locale: { type: "string", required: false, input: false },
        available: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    // No cookie cache: every request reads the session row, so signing out or disabling an account takes effect at once.
    // Besides this sliding idle window, a session ends STAFF_SESSION_MAX_AGE after sign-in (staff-session.ts).
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    databaseHooks: {
      session: {
        create: {
          async before(session) {
            const [user] = await db
              .select({ disabled: staffUsers.disabled })
              .from(staffUsers)
              .where(eq(staffUsers.id, session.userId));
            if (user?.disabled) {
              throw new APIError("FORBIDDEN", { message: "This account is disabled; ask an admin to help", code: "ACCOUNT_DISABLED" });
            }
          },
        },
      },
    },
    // Sign-in attempts are limited per account and client address by our own limiter (the route handler).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "kinconecta",
      // Secure follows APP_URL: https in production, plain http on localhost and in tests.
      useSecureCookies: env.APP_URL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
  });
}

export type StaffAuth = Awaited<ReturnType<typeof createStaffAuth>>;

const globalForAuth = globalThis as unknown as { kinconectaStaffAuth?: Promise<StaffAuth> };

/** The better-auth instance, built once per process on the shared database connection. */
export function getStaffAuth(): Promise<StaffAuth> {
  globalForAuth.kinconectaStaffAuth ??= createStaffAuth().catch((error: unknown) => {
    globalForAuth.kinconectaStaffAuth = undefined;
    throw error;
  });
  return globalForAuth.kinconectaStaffAuth;
}
