import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { attachmentPolicy } from "./policy";
import type { ShownAttachmentLimits } from "./types";

/**
 * The policy for a page's file pickers, its types listed in the page's language here rather than in the browser: the
 * first Intl.ListFormat a page creates loads the language's data, 25–40 ms of a desktop's main thread and several
 * times that of a phone's, spent before the form can respond (Lighthouse's total blocking time, bench/README.md).
 */
export async function shownAttachmentLimits(): Promise<ShownAttachmentLimits> {
  const [t, locale] = await Promise.all([getTranslations("Files"), getLocale()]);
  const typeNames = attachmentPolicy.allowedTypes.map((name) => t(`types.${name}`));
  return { ...attachmentPolicy, allowedTypesText: new Intl.ListFormat(locale, { type: "conjunction" }).format(typeNames) };
}
