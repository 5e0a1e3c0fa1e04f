"use client";

import format, { type CompiledMessage } from "icu-minify/format";
import { createContext, useContext } from "react";
import type { MessageKeys, NestedKeyOf } from "use-intl";
import type { Messages } from "./catalogs";
import { numberFormat } from "./number-format";

/**
 * The public pages' client-side translator: the catalogs' precompiled ICU messages (next.config.ts) formatted
 * by icu-minify's 0.8 KB runtime. next-intl's client provider (~4 KB compressed, with formatters these
 * components never use) would push the ticket form's first load over its budget
 * (e2e/public-pages-quality.spec.ts); the staff desk and the tracking page's conversation still use it.
 */
type Strings = { locale: string; messages: Partial<Messages> };

const PageStringsContext = createContext<Strings | null>(null);

const FORMATTERS = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: numberFormat,
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

/**
 * Gives the client components below these namespaces (`clientMessages(...)` on the server), added to those of a
 * provider above. `locale` is the page's BCP 47 tag (next-intl's getLocale()).
 */
export function PageStrings({ locale, messages, children }: Strings & { children: React.ReactNode }) {
  const parent = useContext(PageStringsContext);
  return <PageStringsContext value={{ locale, messages: { ...parent?.messages, ...messages } }}>{children}</PageStringsContext>;
}

function useStrings(): Strings {
  const strings = useContext(PageStringsContext);
  if (!strings) throw new Error("usePageStrings needs a <PageStrings> above it");
  return strings;
}

/** The page's BCP 47 language tag, as next-intl's useLocale() gives it. */
export function usePageLocale(): string {
  return useStrings().locale;
}

export type PageTranslator<Namespace extends keyof Messages> = (
  key: MessageKeys<Messages[Namespace], NestedKeyOf<Messages[Namespace]>>,
  values?: Record<string, string | number | Date>,
) => string;

/** `t(key, values)` for one namespace, with the keys type-checked like next-intl's useTranslations. */
export function usePageStrings<Namespace extends keyof Messages>(namespace: Namespace): PageTranslator<Namespace> {
  const { locale, messages } = useStrings();
  return (key, values) => {
    const message = [namespace, ...key.split(".")].reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      messages,
    );
    if (message === undefined) throw new Error(`No message ${namespace}.${key} on this page: add its namespace to <PageStrings>`);
    return String(format(message as CompiledMessage, locale, values, { formatters: FORMATTERS }));
  };
}
