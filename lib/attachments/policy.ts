import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import type { AttachmentLimits, ShownAttachmentLimits } from "./types";

/** What may be attached, from ATTACHMENT_TYPES, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES and ATTACHMENT_MAX_TICKET_BYTES. */
export const attachmentPolicy: AttachmentLimits = {
  allowedTypes: env.ATTACHMENT_TYPES,
  maxFileBytes: env.ATTACHMENT_MAX_BYTES,
  maxFilesPerTicket: env.ATTACHMENT_MAX_FILES,
  maxTicketBytes: env.ATTACHMENT_MAX_TICKET_BYTES,
};

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
