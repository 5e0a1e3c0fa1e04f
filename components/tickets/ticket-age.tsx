import { useFormatter, useTranslations } from "next-intl";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "12 min", "5 h", "3 d": a span of time as short as the queue shows it. */
export function useShortDuration(): (seconds: number) => string {
  const t = useTranslations("TicketAge");
  return (seconds) =>
    seconds < HOUR
      ? t("minutes", { count: Math.floor(seconds / MINUTE) })
      : seconds < 2 * DAY
        ? t("hours", { count: Math.floor(seconds / HOUR) })
        : t("days", { count: Math.floor(seconds / DAY) });
}

/** How long before `now` (when the list was loaded) a ticket was filed, with the exact time (DEFAULT_TIME_ZONE) on hover and for screen readers. */
export function TicketAge({ since, now }: { since: string; now: number }) {
  const format = useFormatter();
  const duration = useShortDuration();
  return (
    <time dateTime={since} title={format.dateTime(new Date(since), { dateStyle: "medium", timeStyle: "short" })} suppressHydrationWarning>
      {duration(Math.max(0, (now - Date.parse(since)) / 1000))}
    </time>
  );
}
