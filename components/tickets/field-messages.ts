import type { PageTranslator } from "@/lib/i18n/page-strings";
import { TICKET_LIMITS } from "@/lib/tickets/schemas";
import type { TicketField } from "./ticket-fields";

export type ValidationTranslator = PageTranslator<"Validation">;

/**
 * What is wrong with a form field, in the page's language, from the problem's stable code (lib/zod/issue-code.ts):
 * the same words for the browser's check and for the server's 422, whose English `message` stays for API clients.
 */
export function ticketFieldMessage(t: ValidationTranslator, field: TicketField, code: string, categoryLabels: string[]): string {
  if (field === "roleContext") return t("required.roleContext");
  const name = t(`field.${field}`);
  switch (code) {
    case "required":
    case "invalid_type":
      return t(`required.${field}`);
    case "invalid_email":
      return t("invalidEmail");
    case "too_big":
      return t("tooLong", { field: name, maximum: TICKET_LIMITS[field] });
    case "one_line":
      return t("oneLine", { field: name });
    case "control_characters":
      return t("controlCharacters", { field: name });
    case "control_characters_multiline":
      return t("controlCharactersMultiline", { field: name });
    case "broken_character":
      return t("brokenCharacter", { field: name });
    case "unknown_category":
      return t("unknownCategory", { allowed: categoryLabels.join(", ") });
    default:
      return t("invalid", { field: name });
  }
}
