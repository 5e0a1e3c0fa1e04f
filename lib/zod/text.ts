import { z } from "zod";

// Text fields as every schema that takes text from people builds them: trimmed, bounded, and only text
// PostgreSQL can store and a reader can see. No server imports: the browser forms validate with these too.

// A surrogate without its partner (JSON.parse makes one of "\ud800") is not a character and has no UTF-8
// form. Written without lookbehind, which older Safari cannot parse.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;
// C0 and C1 controls and DEL; U+0000 among them, which a PostgreSQL text value cannot hold at all.
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINE_BREAKS_AND_TABS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * `text` with what a multi-line text field refuses taken out (controls but line breaks and tabs, unpaired surrogates),
 * for text that must be kept rather than refused: an email's, a webhook receiver's answer.
 */
export function withoutControlCharacters(text: string): string {
  return text
    .replace(new RegExp(CONTROL_BUT_LINE_BREAKS_AND_TABS.source, "g"), "")
    // Without lookbehind, as above: a lone low surrogate goes, the character before it stays.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, "$1");
}

export type TextLines = "single" | "multi";

/** Why a text was refused, as `params.reason` of its issue: the stable name a form translates. */
export type TextProblem = "broken_character" | "one_line" | "control_characters" | "control_characters_multiline";

const TEXT_PROBLEM_MESSAGES: Record<TextProblem, (label: string) => string> = {
  broken_character: (label) => `${label} contains a broken character (an unpaired UTF-16 surrogate)`,
  one_line: (label) => `${label} must be one line`,
  control_characters: (label) => `${label} cannot contain tabs or other control characters`,
  control_characters_multiline: (label) => `${label} cannot contain control characters other than line breaks and tabs`,
};

/** Why `value` cannot be stored in a field of this kind, or undefined when it can. */
function textProblem(value: string, lines: TextLines): TextProblem | undefined {
  if (UNPAIRED_SURROGATE.test(value)) return "broken_character";
  if (lines === "single") {
    if (LINE_BREAK.test(value)) return "one_line";
    if (CONTROL.test(value)) return "control_characters";
  } else if (CONTROL_BUT_LINE_BREAKS_AND_TABS.test(value)) {
    return "control_characters_multiline";
  }
  return undefined;
}

/**
 * A text field, trimmed, at most `max` characters, and required unless `required` is false (then ""
 * means none). A single-line one (a name, a subject) has no line breaks, tabs or other control
 * characters; a multi-line one (a message) allows line breaks and tabs. Neither takes U+0000 or an
 * unpaired surrogate. Each refusal names the field by `label`.
 */
export function textField(label: string, { max, lines = "single", required = true }: { max: number; lines?: TextLines; required?: boolean }) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(required ? 1 : 0, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .superRefine((value, context) => {
      const reason = textProblem(value, lines);
      if (reason) context.addIssue({ code: "custom", message: TEXT_PROBLEM_MESSAGES[reason](label), params: { reason } });
    });
}
