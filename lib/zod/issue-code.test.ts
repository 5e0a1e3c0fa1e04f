import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { validateTicketFields } from "@/components/tickets/file-ticket";
import type { TicketValues } from "@/components/tickets/ticket-fields";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { LOCALE_TAGS, type Locale } from "@/lib/i18n/locales";
import { createTicketInput, type TicketFieldsInput } from "@/lib/tickets/schemas";
import { issueCode } from "./issue-code";

const VALID: TicketFieldsInput = {
  roleContext: "tourist",
  fullName: "Ana Martínez",
  email: "ana@example.com",
  category: "Billing",
  subject: "Cobro doble",
  message: "Me cobraron dos veces el mismo tour.",
};

function codes(input: Record<string, unknown>): Array<[string, string]> {
  const parsed = createTicketInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issueCode(issue)]);
}

describe("issueCode, the stable name beside each 422 message", () => {
  it.each([
    ["an empty subject", { subject: "  " }, [["subject", "required"]]],
    ["an over-long subject", { subject: "x".repeat(201) }, [["subject", "too_big"]]],
    ["a bad address", { email: "ana@" }, [["email", "invalid_email"]]],
    ["a line break in the name", { fullName: "Ana\nM" }, [["fullName", "one_line"]]],
    ["a tab in the subject", { subject: "a\tb" }, [["subject", "control_characters"]]],
    ["U+0000 in the message", { message: "a\u0000b" }, [["message", "control_characters_multiline"]]],
    ["a lone surrogate", { message: "a\ud800" }, [["message", "broken_character"]]],
    ["an unknown role", { roleContext: "pilot" }, [["roleContext", "invalid_value"]]],
    ["a filled honeypot", { website: "x" }, [["", "looks_automated"]]],
  ])("names %s", (_label, change, expected) => {
    expect(codes({ ...VALID, ...change })).toEqual(expected);
  });
});

const translator = (locale: Locale) =>
  createTranslator({ locale: LOCALE_TAGS[locale], messages: CATALOGS[locale], namespace: "Validation" });

describe("the form's messages, from the same schema, in the page's language", () => {
  it.each([
    ["es", { subject: "x".repeat(201) }, "subject", "El asunto debe tener como máximo 200 caracteres"],
    ["en", { subject: "x".repeat(201) }, "subject", "Subject must be at most 200 characters"],
    ["es", { fullName: "" }, "fullName", "Escribe tu nombre completo"],
    ["es", { subject: "Uno\ndos" }, "subject", "El asunto debe ir en una sola línea"],
    ["es", { email: "ana@" }, "email", "Escribe un correo electrónico válido"],
    ["es", { roleContext: undefined }, "roleContext", "Elige si eres turista o guía"],
    ["es", { message: "a\u0000b" }, "message", "El mensaje no puede llevar caracteres de control, salvo saltos de línea y tabulaciones"],
  ] as const)("%s: %j", (locale, change, field, message) => {
    const errors = validateTicketFields({ ...VALID, ...change } as TicketValues, translator(locale), []);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toBe(message);
  });
});
