import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminAuditLog } from "@/components/staff/admin-audit-log";
import { AdminCategories } from "@/components/staff/admin-categories";
import { AdminServiceLevels } from "@/components/staff/admin-service-levels";
import { AdminStaffAccounts } from "@/components/staff/admin-staff-accounts";
import { AdminTokens } from "@/components/staff/admin-tokens";
import { AdminWebhooks } from "@/components/staff/admin-webhooks";
import { requireAdminPage } from "@/lib/auth/staff-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("StaffAdmin"))("title") };
}

export default async function AdminPage() {
  const admin = await requireAdminPage();
  const t = await getTranslations("StaffAdmin");
  return (
    <main className="mx-auto max-w-5xl space-y-10 px-4 py-6">
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <AdminTokens />
      <AdminStaffAccounts currentUserId={admin.userId} />
      <AdminCategories />
      <AdminServiceLevels />
      <AdminWebhooks />
      <AdminAuditLog />
    </main>
  );
}
