/**
 * Numbers in the pages' messages (page-strings.tsx). A plural's `#` prints its count through Intl.NumberFormat, and
 * the first Intl formatter a page creates loads the language's data: 25–40 ms of a desktop's main thread, several
 * times that of a phone's, while the form hydrates (the file picker's hint says "5 files at most"). A whole number
 * below 1,000 reads the same in our languages (`en`, `es`: Latin digits, no grouping), so it is printed as is and the
 * data loads only for other numbers.
 */
export function numberFormat(...[locale, options]: ConstructorParameters<typeof Intl.NumberFormat>): Intl.NumberFormat {
  if (options) return new Intl.NumberFormat(locale, options);
  let full: Intl.NumberFormat | undefined;
  // icu-minify calls nothing but format() on it.
  return {
    format: (value: number | bigint | Intl.StringNumericLiteral) =>
      typeof value === "number" && Number.isInteger(value) && Math.abs(value) < 1000
        ? String(value)
        : (full ??= new Intl.NumberFormat(locale)).format(value),
  } as Intl.NumberFormat;
}
