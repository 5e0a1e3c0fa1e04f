"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { isLocale, type Locale, LOCALES } from "@/lib/i18n/locales";
import { updateStaffLocale } from "./staff-api";

const BROWSER = "browser";

/** The desk's language for this account; the page loads again in it (server-rendered text included). */
export function StaffLanguageSelect({ accountLocale }: { accountLocale: Locale | null }) {
  const t = useTranslations("StaffDesk.language");
  const change = useMutation({ mutationFn: updateStaffLocale, onSuccess: () => window.location.reload() });
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor="staff-language">{t("label")}</label>
      <select
        id="staff-language"
        defaultValue={accountLocale ?? BROWSER}
        disabled={change.isPending}
        onChange={(event) => {
          const value = event.currentTarget.value;
          change.mutate(isLocale(value) ? value : null);
        }}
        className="rounded-lg border border-slate-400 bg-white px-2 py-1"
      >
        <option value={BROWSER}>{t("browser")}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`names.${locale}`)}
          </option>
        ))}
      </select>
      {change.error && (
        <p role="alert" className="text-red-800">
          {t("failed", { error: change.error.message })}
        </p>
      )}
    </div>
  );
}
