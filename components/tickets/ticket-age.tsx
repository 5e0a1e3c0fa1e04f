const UNITS: Array<[limitSeconds: number, unitSeconds: number, label: string]> = [
  [60 * 60, 60, "min"],
  [48 * 60 * 60, 60 * 60, "h"],
  [Infinity, 24 * 60 * 60, "d"],
];

/** "12 min", "5 h", "3 d": how long before `now` (when the list was loaded) a ticket was filed, with the exact time on hover and for screen readers. */
export function TicketAge({ since, now }: { since: string; now: number }) {
  const seconds = Math.max(0, (now - Date.parse(since)) / 1000);
  const [, unit, label] = UNITS.find(([limit]) => seconds < limit)!;
  const exact = new Date(since).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <time dateTime={since} title={`${exact} UTC`} suppressHydrationWarning>
      {Math.floor(seconds / unit)} {label}
    </time>
  );
}
