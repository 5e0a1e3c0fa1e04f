import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findStaffSession, type StaffActor, type StaffSession } from "./staff-session";

export const CHANGE_PASSWORD_PAGE = "/staff/change-password";

/** The request's staff session, looked up once per request however many server components ask (React's `cache`). */
const currentStaffSession = cache(async (): Promise<StaffSession | null> => findStaffSession(await headers()));

/**
 * For staff pages: the signed-in staff member, or a redirect to the sign-in page (or to the change-password
 * page while the account still has a generated password). Each page calls it itself (a layout is not
 * rendered again on client-side navigation).
 */
export async function requireStaffPage(): Promise<StaffActor> {
  const session = await currentStaffSession();
  if (!session) redirect("/staff/login");
  if (session.mustChangePassword) redirect(CHANGE_PASSWORD_PAGE);
  return session.actor;
}

export async function requireAdminPage(): Promise<StaffActor> {
  const staff = await requireStaffPage();
  if (staff.role !== "admin") notFound(); // the page does not exist for agents
  return staff;
}

/** For the sign-in and change-password pages, which signed-out and must-change sessions may both see. */
export function findStaffPageSession(): Promise<StaffSession | null> {
  return currentStaffSession();
}
