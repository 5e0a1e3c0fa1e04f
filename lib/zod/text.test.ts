import { describe, expect, it } from "vitest";
import { textField, withoutControlCharacters } from "./text";

const subject = textField("Subject", { max: 40 });
const message = textField("Message", { max: 20, lines: "multi" });

function refusal(schema: typeof subject, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe("textField", () => {
  it.each([
    ["plain text", "Refund please", "Refund please"],
    ["surrounding whitespace and line breaks, trimmed", "\t Refund \r\n", "Refund"],
    ["emoji and other astral characters", "Tour 🙂 𝒜", "Tour 🙂 𝒜"],
    ["direction marks and non-breaking spaces inside", "a\u00a0b\u202ec", "a\u00a0b\u202ec"],
  ])("a single-line field accepts %s", (_label, input, stored) => {
    expect(subject.parse(input)).toBe(stored);
  });

  it.each([
    ["a line feed", "Refund\nBcc: x@example.com", "Subject must be one line"],
    ["a carriage return", "Refund\rplease", "Subject must be one line"],
    ["a line separator", "Refund\u2028please", "Subject must be one line"],
    ["a next-line control", "Refund\u0085please", "Subject must be one line"],
    ["a tab", "Refund\tplease", "Subject cannot contain tabs or other control characters"],
    ["U+0000", "Refund\u0000", "Subject cannot contain tabs or other control characters"],
    ["DEL", "Refund\u007f", "Subject cannot contain tabs or other control characters"],
    ["a C1 control", "Refund\u009b", "Subject cannot contain tabs or other control characters"],
    ["a lone high surrogate", "Refund\ud800", "Subject contains a broken character (an unpaired UTF-16 surrogate)"],
    ["a lone low surrogate", "\udc00Refund", "Subject contains a broken character (an unpaired UTF-16 surrogate)"],
    ["swapped surrogates", "\udc00\ud800", "Subject contains a broken character (an unpaired UTF-16 surrogate)"],
    ["nothing but spaces", "   ", "Subject is required"],
    ["a number", 42, "Subject is required"],
  ])("a single-line field refuses %s, naming the field once", (_label, input, problem) => {
    expect(refusal(subject, input)).toEqual([problem]);
  });

  it("a multi-line field keeps line breaks and tabs inside", () => {
    expect(message.parse(" one\r\ntwo\tthree\n")).toBe("one\r\ntwo\tthree");
    expect(message.parse("a\u2028b")).toBe("a\u2028b");
  });

  it.each([
    ["U+0000", "one\u0000two", "Message cannot contain control characters other than line breaks and tabs"],
    ["an escape character", "one\u001btwo", "Message cannot contain control characters other than line breaks and tabs"],
    ["a C1 control", "one\u0090two", "Message cannot contain control characters other than line breaks and tabs"],
    ["a lone surrogate", "one\udbfftwo", "Message contains a broken character (an unpaired UTF-16 surrogate)"],
  ])("a multi-line field refuses %s", (_label, input, problem) => {
    expect(refusal(message, input)).toEqual([problem]);
  });
});

describe("withoutControlCharacters", () => {
  it("keeps text a multi-line field takes, and drops what it refuses", () => {
    const kept = withoutControlCharacters("Hola\u0000 a\u001b[31m todos\u0085\n\tñ 😀 \ud800x \udc00y");
    expect(kept).toBe("Hola a[31m todos\n\tñ 😀 x y");
    expect(textField("Message", { max: 100, lines: "multi" }).safeParse(kept).success).toBe(true);
  });
});
