import type { Metadata } from "next";
import { AdminAuditLog } from "@/components/staff/admin-audit-log";
import { AdminStaffAccounts } from "@/components/staff/admin-staff-accounts";
import { AdminTokens } from "@/components/staff/admin-tokens";
import { requireAdminPage } from "@/lib/auth/staff-page";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const admin = await requireAdminPage();
  return (
    <main className="mx-auto max-w-5xl space-y-10 px-4 py-6">
      <h1 className="text-2xl font-bold text-brand-800">Admin</h1>
      <AdminTokens />
      <AdminStaffAccounts currentUserId={admin.userId} />
      <AdminAuditLog />
    </main>
  );
}
