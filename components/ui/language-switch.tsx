import { getLocale, getTranslations } from "next-intl/server";
import { chooseLocale } from "@/lib/i18n/choose-locale";
import { localeOfTag } from "@/lib/i18n/locales";

/** A one-button form that switches the pages to the other language and remembers it (works without JavaScript). */
export async function LanguageSwitch() {
  const t = await getTranslations("LanguageSwitch");
  const other = localeOfTag(await getLocale()) === "es" ? "en" : "es";
  return (
    <form action={chooseLocale} aria-label={t("label")}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} className="rounded px-2 py-1 text-sm text-brand-800 underline-offset-4 hover:underline">
        {t("switchTo")}
      </button>
    </form>
  );
}
