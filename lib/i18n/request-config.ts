import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { CATALOGS } from "./catalogs";
import { isLocale, LOCALE_COOKIE, LOCALE_TAGS } from "./locales";
import { localeFromHeaders } from "./request-locale";

// next-intl's configuration for each server render (next.config.ts points its plugin here). There are no
// locale prefixes in our URLs: the language comes from the switch's cookie or the browser. Times render in
// DEFAULT_TIME_ZONE on the server; components/ui/local-time.tsx moves them to the browser's zone.
export default getRequestConfig(async () => {
  // cookies() first, not only the request's Cookie header: the page that the language switch's server action
  // re-renders in its answer must already see the choice the action has just set.
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromHeaders(await headers());
  return { locale: LOCALE_TAGS[locale], messages: CATALOGS[locale], timeZone: env.DEFAULT_TIME_ZONE };
});
