import { describe, expect, it } from "vitest";
import { LOCALE_TAGS } from "./locales";
import { numberFormat } from "./number-format";

describe("numberFormat (the counts in the pages' messages)", () => {
  it.each(Object.values(LOCALE_TAGS))("prints every whole number below 1,000 exactly as Intl.NumberFormat does in %s", (locale) => {
    const intl = new Intl.NumberFormat(locale);
    const ours = numberFormat(locale);
    for (let value = -999; value < 1000; value++) expect(ours.format(value)).toBe(intl.format(value));
  });

  it.each(Object.values(LOCALE_TAGS))("leaves larger and fractional numbers, and formats with options, to Intl.NumberFormat in %s", (locale) => {
    for (const value of [1000, 12_345, 1_234_567, 2.5, -0.75]) expect(numberFormat(locale).format(value)).toBe(new Intl.NumberFormat(locale).format(value));
    const percent = { style: "percent" } as const;
    expect(numberFormat(locale, percent).format(0.25)).toBe(new Intl.NumberFormat(locale, percent).format(0.25));
  });
});
