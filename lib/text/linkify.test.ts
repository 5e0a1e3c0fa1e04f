import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("keeps plain text as one part", () => {
    expect(linkify("Hola,\nno llegó el pago.")).toEqual([{ type: "text", text: "Hola,\nno llegó el pago." }]);
  });

  it("turns web addresses into links and leaves sentence punctuation outside", () => {
    expect(linkify("See https://example.com/help. Or (http://example.org/a)!")).toEqual([
      { type: "text", text: "See " },
      { type: "link", text: "https://example.com/help", href: "https://example.com/help" },
      { type: "text", text: ". Or (" },
      { type: "link", text: "http://example.org/a", href: "http://example.org/a" },
      { type: "text", text: ")!" },
    ]);
  });

  it("keeps a bracket the address itself opened", () => {
    expect(linkify("https://en.wikipedia.org/wiki/Tulum_(Maya)")).toEqual([
      { type: "link", text: "https://en.wikipedia.org/wiki/Tulum_(Maya)", href: "https://en.wikipedia.org/wiki/Tulum_(Maya)" },
    ]);
  });

  it("never links other schemes or markup", () => {
    const parts = linkify('javascript:alert(1) data:text/html,<b>x</b> <a href="https://evil.example">x</a>');
    expect(parts.filter((part) => part.type === "link").map((part) => part.href)).toEqual(["https://evil.example/"]);
    expect(parts.map((part) => part.text).join("")).toBe('javascript:alert(1) data:text/html,<b>x</b> <a href="https://evil.example">x</a>');
  });
});
