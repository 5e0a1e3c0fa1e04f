import { createTranslator } from "use-intl/core";
import { env } from "@/lib/env";
import { CATALOGS } from "./catalogs";
import { LOCALE_TAGS, type Locale } from "./locales";

/**
 * The translator for text written outside a page (emails, jobs), with dates in DEFAULT_TIME_ZONE: an email
 * cannot know its reader's time zone. Pages use next-intl's, configured in lib/i18n/request-config.ts.
 */
export function emailTranslator(locale: Locale) {
  return createTranslator({ locale: LOCALE_TAGS[locale], messages: CATALOGS[locale], namespace: "Email", timeZone: env.DEFAULT_TIME_ZONE });
}
