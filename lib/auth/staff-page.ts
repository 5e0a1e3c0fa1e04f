import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findStaffActor, type StaffActor } from "./staff-session";

/**
 * For staff pages: the signed-in staff member, or a redirect to the sign-in page. Each page calls it
 * itself (a layout is not rendered again on client-side navigation); React's `cache` makes the layout's
 * and the page's calls one session lookup per request.
 */
export const requireStaffPage = cache(async (): Promise<StaffActor> => {
  const staff = await findStaffActor(await headers());
  if (!staff) redirect("/staff/login");
  return staff;
});

export async function requireAdminPage(): Promise<StaffActor> {
  const staff = await requireStaffPage();
  if (staff.role !== "admin") notFound(); // the page does not exist for agents
  return staff;
}
