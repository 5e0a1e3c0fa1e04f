import "server-only";
import enCommon from "@/messages/en/common.json";
import enConversation from "@/messages/en/conversation.json";
import enStaff from "@/messages/en/staff.json";
import { clientMessages } from "@/lib/i18n/client-messages";

// The staff pages' client components use their own namespaces, those of components/tickets (in the common
// catalog) and the conversation's; the staff pages have no first-load budget to keep, so each gets all three.
const STAFF_NAMESPACES = [...Object.keys(enCommon), ...Object.keys(enStaff), ...Object.keys(enConversation)] as Array<
  keyof typeof enCommon | keyof typeof enStaff | keyof typeof enConversation
>;

/** The messages for a staff page's NextIntlClientProvider. */
export function staffClientMessages() {
  return clientMessages(...STAFF_NAMESPACES);
}
