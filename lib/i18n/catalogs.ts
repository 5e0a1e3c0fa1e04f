import enCommon from "@/messages/en/common.json";
import enConversation from "@/messages/en/conversation.json";
import enEmail from "@/messages/en/email.json";
import enPublic from "@/messages/en/public.json";
import enStaff from "@/messages/en/staff.json";
import esCommon from "@/messages/es/common.json";
import esConversation from "@/messages/es/conversation.json";
import esEmail from "@/messages/es/email.json";
import esPublic from "@/messages/es/public.json";
import esStaff from "@/messages/es/staff.json";
import type { Locale } from "./locales";

// One file per part of the app (common, public, staff, email, conversation) and language; each file's top-level keys are
// namespaces. English is the reference for the key types; lib/i18n/catalogs.test.ts checks both match.
const en = { ...enCommon, ...enEmail, ...enPublic, ...enStaff, ...enConversation };
export type Messages = typeof en;

export const CATALOGS: Readonly<Record<Locale, Messages>> = {
  en,
  es: { ...esCommon, ...esEmail, ...esPublic, ...esStaff, ...esConversation },
};
