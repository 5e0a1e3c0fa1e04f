// The languages a person can read the desk in. Client-safe: the language switch, the form and the server share it.

/** `es` is Mexican Spanish (formatted as es-MX), `en` English. */
export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag each locale formats dates and numbers with. */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = { es: "es-MX", en: "en" };

/** The cookie the language switch writes; it outranks Accept-Language on the public pages. */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of our locales the browser asks for, by its `Accept-Language` weights (RFC 9110 §12.5.4):
 * `es-ES;q=0.8, en;q=0.9` picks `en`. A region never matters (`es-AR` reads our Mexican Spanish); `*` and
 * unknown languages fall through to the next one, and null means nothing matched.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [range = "", ...parameters] = part.trim().split(";");
      const quality = parameters.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { language: range.trim().toLowerCase().split("-")[0], quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter((entry) => entry.quality > 0 && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

/** Our locale for a BCP 47 tag of LOCALE_TAGS (what next-intl's getLocale/useLocale return). */
export function localeOfTag(tag: string): Locale {
  return LOCALES.find((locale) => LOCALE_TAGS[locale] === tag) ?? (tag.toLowerCase().startsWith("en") ? "en" : "es");
}
