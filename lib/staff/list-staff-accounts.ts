import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { staffUsers } from "@/db/schema";
import type { StaffAccount } from "./schemas";

export const staffAccountColumns = {
  id: staffUsers.id,
  email: staffUsers.email,
  name: staffUsers.name,
  role: staffUsers.role,
  disabled: staffUsers.disabled,
  available: staffUsers.available,
  openTicketCap: staffUsers.openTicketCap,
  createdAt: staffUsers.createdAt,
};

export const toStaffAccount = (row: Omit<StaffAccount, "createdAt"> & { createdAt: Date }): StaffAccount => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

export async function listStaffAccounts(): Promise<StaffAccount[]> {
  const db = await getDb();
  const rows = await db.select(staffAccountColumns).from(staffUsers).orderBy(asc(staffUsers.email));
  return rows.map(toStaffAccount);
}
