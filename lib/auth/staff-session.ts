import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { staffSessions } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { Actor } from "./actor";
import { getStaffAuth } from "./staff-auth";

export type StaffActor = Extract<Actor, { kind: "staff" }>;

export interface StaffSession {
  actor: StaffActor;
  /** Signed in with a generated password: only changing it (or signing out) is allowed until then. */
  mustChangePassword: boolean;
  /** The language chosen for the desk on this account; null follows the browser. */
  locale: Locale | null;
  /** Takes new tickets by round robin. */
  available: boolean;
}

// better-auth's session cookie (cookiePrefix "kinconecta" in staff-auth.ts), "__Secure-" prefixed over https.
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?kinconecta\.session_token=/;

/** Whether a request carries a staff session cookie at all: without one there is no session to look up. */
export function hasStaffSessionCookie(headers: Pick<Headers, "get">): boolean {
  return SESSION_COOKIE.test(headers.get("cookie") ?? "");
}

/**
 * The signed-in staff member behind a request's session cookie, or null (no cookie, expired, signed out,
 * disabled, or older than STAFF_SESSION_MAX_AGE, however active: that session is ended here).
 */
export async function findStaffSession(headers: Headers): Promise<StaffSession | null> {
  const auth = await getStaffAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  if (Date.now() - session.session.createdAt.getTime() > env.STAFF_SESSION_MAX_AGE * 1000) {
    const db = await getDb();
    await db.delete(staffSessions).where(eq(staffSessions.id, session.session.id));
    return null;
  }
  // The row carries our additional fields (staff-auth.ts); better-auth's inferred type leaves them out.
  const user = session.user as typeof session.user & {
    role?: string;
    disabled?: boolean;
    mustChangePassword?: boolean;
    locale?: string | null;
    available?: boolean;
  };
  if (user.disabled) return null;
  return {
    actor: { kind: "staff", userId: user.id, email: user.email, role: user.role === "admin" ? "admin" : "agent" },
    mustChangePassword: user.mustChangePassword === true,
    locale: isLocale(user.locale) ? user.locale : null,
    available: user.available === true,
  };
}

/** As findStaffSession, for API calls: a session that must change its password first is refused (403). */
export async function findStaffActor(headers: Headers): Promise<StaffActor | null> {
  const session = await findStaffSession(headers);
  if (session?.mustChangePassword) {
    throw new AppError(
      "forbidden",
      "Change your password first: this account signed in with a generated one (POST /api/auth/change-password, or /staff/change-password)",
    );
  }
  return session?.actor ?? null;
}
