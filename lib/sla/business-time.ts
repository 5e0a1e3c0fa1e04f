/**
 * Business time: the working hours of a weekly schedule in one time zone, minus holidays. Service-level targets
 * ("first reply within 8 business hours") are counted in it. Pure functions on instants; the time zone's rules
 * (Mexico City without daylight saving time since 2022, Tijuana following the US) come from the runtime's ICU data.
 */

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessCalendar {
  /** An IANA time zone, e.g. America/Mexico_City. */
  timeZone: string;
  /** Working intervals per weekday, [start, end) in minutes after local midnight, in order and not overlapping. */
  week: Partial<Record<Weekday, ReadonlyArray<readonly [number, number]>>>;
  /** Local dates (YYYY-MM-DD) without working hours. */
  holidays: readonly string[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Ten years of days: a calendar with no working hours at all must end in an error, not a loop. */
const MAX_DAYS = 3_660;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at `instant`, as if that wall clock were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(partsIn(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall + (instant % 1000 + 1000) % 1000;
}

/**
 * `instantOf`'s answers, by time zone and wall time. Its callers ask for the bounds of each day's working hours, the
 * same few dozen wall times for every ticket of the same weeks, and each answer costs three Intl calls (most of a new
 * ticket's service-level arithmetic). Emptied when full: a handful of entries per working day.
 */
const instantsByWall = new Map<string, number>();
const MAX_REMEMBERED_INSTANTS = 20_000;

/**
 * The instant at which `timeZone`'s clocks show `wall` (a wall-clock time written as UTC ms). A time the clocks skip
 * (02:30 when they jump from 02:00 to 03:00) is moved forward by the gap (03:30), as Temporal's "compatible" does.
 */
function instantOf(wall: number, timeZone: string): number {
  const key = `${timeZone} ${wall}`;
  let instant = instantsByWall.get(key);
  if (instant === undefined) {
    if (instantsByWall.size >= MAX_REMEMBERED_INSTANTS) instantsByWall.clear();
    instant = computeInstantOf(wall, timeZone);
    instantsByWall.set(key, instant);
  }
  return instant;
}

function computeInstantOf(wall: number, timeZone: string): number {
  let instant = wall - (wallClock(wall, timeZone) - wall);
  // Twice: the offset at the first guess may differ from the offset at the answer across a change.
  instant = wall - (wallClock(instant, timeZone) - instant);
  const shown = wallClock(instant, timeZone);
  return shown === wall ? instant : instant + (wall - shown);
}

const localDate = (wallMidnight: number) => new Date(wallMidnight).toISOString().slice(0, 10);
const weekdayOf = (wallMidnight: number) => (((new Date(wallMidnight).getUTCDay() + 6) % 7) + 1) as Weekday;

/** Each working interval as instants [start, end), day by day from the local day of `from`. */
function* workingIntervals(from: number, calendar: BusinessCalendar): Generator<[number, number]> {
  const holidays = new Set(calendar.holidays);
  const firstMidnight = Math.floor(wallClock(from, calendar.timeZone) / DAY_MS) * DAY_MS;
  for (let day = 0; day < MAX_DAYS; day++) {
    const midnight = firstMidnight + day * DAY_MS;
    if (holidays.has(localDate(midnight))) continue;
    for (const [start, end] of calendar.week[weekdayOf(midnight)] ?? []) {
      yield [instantOf(midnight + start * MINUTE_MS, calendar.timeZone), instantOf(midnight + end * MINUTE_MS, calendar.timeZone)];
    }
  }
  throw new Error(`The business calendar in ${calendar.timeZone} has no working hours in ${MAX_DAYS} days`);
}

/** When `minutes` of business time have passed since `start` (the SLA deadline of a target). */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  let remaining = minutes * MINUTE_MS;
  for (const [intervalStart, intervalEnd] of workingIntervals(start.getTime(), calendar)) {
    const from = Math.max(intervalStart, start.getTime());
    if (from >= intervalEnd) continue;
    if (remaining <= intervalEnd - from) return new Date(from + remaining);
    remaining -= intervalEnd - from;
  }
  throw new Error("unreachable: workingIntervals ends by throwing");
}

/** The business time between two instants, in minutes (fractions for seconds); 0 when `to` is not after `from`. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  if (to <= from) return 0;
  let total = 0;
  for (const [intervalStart, intervalEnd] of workingIntervals(from.getTime(), calendar)) {
    if (intervalStart >= to.getTime()) break;
    total += Math.max(0, Math.min(intervalEnd, to.getTime()) - Math.max(intervalStart, from.getTime()));
  }
  return total / MINUTE_MS;
}
