import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { findStaffActor, type StaffActor } from "./staff-session";

/** For staff pages: the signed-in staff member, or a redirect to the sign-in page. Each page calls it itself. */
export async function requireStaffPage(): Promise<StaffActor> {
  const staff = await findStaffActor(await headers());
  if (!staff) redirect("/staff/login");
  return staff;
}

export async function requireAdminPage(): Promise<StaffActor> {
  const staff = await requireStaffPage();
  if (staff.role !== "admin") notFound(); // the page does not exist for agents
  return staff;
}
