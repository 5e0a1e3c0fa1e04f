import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it.each([
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["en-US,en;q=0.9", "en"],
    ["es-ES;q=0.8, en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9,es;q=0.5", "es"],
    ["de, *;q=0.1", null],
    ["en;q=0, es", "es"],
    ["EN-gb", "en"],
    ["", null],
    [null, null],
  ])("%s reads as %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
