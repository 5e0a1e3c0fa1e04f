import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/staff/sign-in-form";
import { clientMessages } from "@/lib/i18n/client-messages";
import { CHANGE_PASSWORD_PAGE, findStaffPageSession } from "@/lib/auth/staff-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("StaffSignIn"))("title") };
}

export default async function StaffLoginPage() {
  const session = await findStaffPageSession();
  if (session) redirect(session.mustChangePassword ? CHANGE_PASSWORD_PAGE : "/staff");
  const t = await getTranslations("StaffSignIn");
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <NextIntlClientProvider messages={await clientMessages("StaffSignIn")}>
        <SignInForm />
      </NextIntlClientProvider>
    </main>
  );
}
