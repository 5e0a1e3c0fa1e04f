import "server-only";
import enCommon from "@/messages/en/common.json";
import enStaff from "@/messages/en/staff.json";
import { clientMessages } from "@/lib/i18n/client-messages";

// The staff pages' client components use their own namespaces and those of components/tickets (in the common
// catalog); the staff pages have no first-load budget to keep, so each gets all of both.
const STAFF_NAMESPACES = [...Object.keys(enCommon), ...Object.keys(enStaff)] as Array<keyof typeof enCommon | keyof typeof enStaff>;

/** The messages for a staff page's NextIntlClientProvider. */
export function staffClientMessages() {
  return clientMessages(...STAFF_NAMESPACES);
}
