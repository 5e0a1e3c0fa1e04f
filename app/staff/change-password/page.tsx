import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/staff/change-password-form";
import { findStaffPageSession } from "@/lib/auth/staff-page";
import { clientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("StaffPassword"))("title") };
}

// Outside the desk layout: an account with a generated password is sent here from every staff page.
export default async function ChangePasswordPage() {
  const session = await findStaffPageSession();
  if (!session) redirect("/staff/login");
  const t = await getTranslations("StaffPassword");
  const email = session.actor.email;
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-2 text-muted">{session.mustChangePassword ? t("mustChange", { email }) : t("signedInAs", { email })}</p>
      <NextIntlClientProvider messages={await clientMessages("StaffPassword")}>
        <ChangePasswordForm />
      </NextIntlClientProvider>
    </main>
  );
}
