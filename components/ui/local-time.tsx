"use client";
import { useLocale, useTimeZone } from "next-intl";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A date and time in the reader's language and their browser's time zone. The server cannot know that zone, so
 * it renders DEFAULT_TIME_ZONE and the browser re-renders right after hydration (without a mismatch warning).
 */
export function LocalTime({
  dateTime,
  options = { dateStyle: "medium", timeStyle: "short" },
}: {
  dateTime: string;
  options?: Intl.DateTimeFormatOptions;
}) {
  const locale = useLocale();
  const serverTimeZone = useTimeZone() ?? "UTC";
  const timeZone = useSyncExternalStore(subscribe, browserTimeZone, () => serverTimeZone);
  return <time dateTime={dateTime}>{new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(dateTime))}</time>;
}
