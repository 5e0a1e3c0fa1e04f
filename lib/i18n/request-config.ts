import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { findStaffPageSession } from "@/lib/auth/staff-page";
import { hasStaffSessionCookie } from "@/lib/auth/staff-session";
import { env } from "@/lib/env";
import { CATALOGS } from "./catalogs";
import { isLocale, type Locale, LOCALE_COOKIE, LOCALE_TAGS } from "./locales";
import { localeFromHeaders } from "./request-locale";

/**
 * A signed-in agent's language: the one chosen on their account, else the switch's cookie, the browser, the
 * default. The session is looked up only when its cookie is there (the public pages pay nothing for it), through
 * the request's cached lookup that the staff page itself then reuses.
 */
async function readerLocale(requestHeaders: Headers): Promise<Locale> {
  const accountLocale = hasStaffSessionCookie(requestHeaders) ? (await findStaffPageSession())?.locale : null;
  if (accountLocale) return accountLocale;
  // cookies() first, not only the request's Cookie header: the page that the language switch's server action
  // re-renders in its answer must already see the choice the action has just set.
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : localeFromHeaders(requestHeaders);
}

// next-intl's configuration for each server render (next.config.ts points its plugin here). There are no
// locale prefixes in our URLs: the language comes from the agent's account, the switch's cookie or the browser.
// Times render in DEFAULT_TIME_ZONE on the server; components/ui/local-time.tsx moves them to the browser's zone.
export default getRequestConfig(async () => {
  const locale = await readerLocale(await headers());
  return { locale: LOCALE_TAGS[locale], messages: CATALOGS[locale], timeZone: env.DEFAULT_TIME_ZONE };
});
