import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AvailabilityToggle } from "@/components/staff/availability-toggle";
import { BackForwardGuard } from "@/components/staff/back-forward-guard";
import { QueryProvider } from "@/components/staff/query-provider";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { StaffLanguageSelect } from "@/components/staff/staff-language-select";
import { staffClientMessages } from "@/components/staff/staff-messages";
import { findStaffPageSession, requireStaffPage } from "@/lib/auth/staff-page";

export default async function StaffDeskLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaffPage();
  const session = await findStaffPageSession();
  const t = await getTranslations("StaffDesk");
  return (
    <NextIntlClientProvider messages={await staffClientMessages()}>
      <QueryProvider>
        <BackForwardGuard />
        <header className="border-b border-slate-300 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-2">
            <Link href="/staff" className="font-bold text-brand-800">
              {t("brand")}
            </Link>
            <nav aria-label={t("nav")} className="flex gap-4 text-sm">
              <Link href="/staff" className="underline-offset-4 hover:underline">
                {t("queue")}
              </Link>
              <Link href="/staff/reports" className="underline-offset-4 hover:underline">
                {t("reports")}
              </Link>
              {staff.role === "admin" && (
                <Link href="/staff/admin" className="underline-offset-4 hover:underline">
                  {t("admin")}
                </Link>
              )}
            </nav>
            <span className="ml-auto text-sm text-muted">{t("signedInAs", { email: staff.email, role: t(`roles.${staff.role}`) })}</span>
            <AvailabilityToggle initiallyAvailable={session?.available ?? false} />
            <StaffLanguageSelect accountLocale={session?.locale ?? null} />
            <SignOutButton />
          </div>
        </header>
        {children}
      </QueryProvider>
    </NextIntlClientProvider>
  );
}
