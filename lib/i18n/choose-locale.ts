"use server";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { isLocale, LOCALE_COOKIE } from "./locales";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switch's form action: remembers the choice for a year. A server action, so the switch works
 * without JavaScript, Next.js checks the request's origin, and the cookie can be HttpOnly.
 */
export async function chooseLocale(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https://"),
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
}
