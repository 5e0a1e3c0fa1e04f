import "server-only";
import { getMessages } from "next-intl/server";
import type { Messages } from "./catalogs";

/**
 * The namespaces a page's client components need, for its NextIntlClientProvider: only these reach the
 * browser, so a page's JavaScript carries its own strings and not the whole catalog.
 */
export async function clientMessages<Namespace extends keyof Messages>(...namespaces: Namespace[]): Promise<Pick<Messages, Namespace>> {
  const all = (await getMessages()) as Messages;
  return Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace]])) as Pick<Messages, Namespace>;
}
