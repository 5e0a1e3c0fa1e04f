import "server-only";
import { env } from "@/lib/env";
import { isLocale, type Locale, LOCALE_COOKIE, negotiateLocale } from "./locales";

/** Reads a cookie from a raw Cookie header (route handlers get a plain Request). */
function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const pair of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = pair.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * The reader's language: the language switch's cookie, else the browser's Accept-Language, else DEFAULT_LOCALE.
 * Pages (through next-intl's request config) and route handlers (a ticket filed without `locale`) both decide here.
 */
export function localeFromHeaders(headers: Pick<Headers, "get">): Locale {
  const chosen = cookieValue(headers.get("cookie"), LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(headers.get("accept-language")) ?? env.DEFAULT_LOCALE;
}
