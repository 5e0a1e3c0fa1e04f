import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from "./business-time";

const OFFICE_HOURS = [[9 * 60, 18 * 60]] as const;
const WEEKDAYS = { 1: OFFICE_HOURS, 2: OFFICE_HOURS, 3: OFFICE_HOURS, 4: OFFICE_HOURS, 5: OFFICE_HOURS };

const mexicoCity: BusinessCalendar = {
  timeZone: "America/Mexico_City",
  week: WEEKDAYS,
  holidays: ["2026-12-25", "2027-01-01", "2027-02-01", "2027-03-15"],
};
// Tijuana follows the US: clocks change in March and November.
const tijuana: BusinessCalendar = {
  timeZone: "America/Tijuana",
  // A split day, to exercise several intervals per day.
  week: { 1: [[8 * 60, 13 * 60], [14 * 60, 17 * 60]], 2: OFFICE_HOURS, 3: OFFICE_HOURS, 4: OFFICE_HOURS, 5: OFFICE_HOURS, 6: [[10 * 60, 14 * 60]] },
  holidays: ["2027-03-15", "2027-11-02"],
};
const CALENDARS = [mexicoCity, tijuana];

/** The local date, weekday (1 = Monday) and minute of the day of an instant in a time zone. */
function local(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short" })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday!) + 1,
    minute: +parts.hour! * 60 + +parts.minute!,
  };
}

// Instants over 2026–2028, across both of Tijuana's yearly clock changes; whole seconds, as tickets are stamped.
const instants = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true }).map(
  (date) => new Date(Math.floor(date.getTime() / 1000) * 1000),
);
const targets = fc.integer({ min: 1, max: 60 * 24 * 10 }); // up to ten days of business minutes
const calendars = fc.constantFrom(...CALENDARS);
// Spans that start within a day and a half of a holiday (in either calendar) as often as anywhere else.
const nearHolidays = fc.oneof(
  instants,
  fc
    .tuple(fc.constantFrom(...CALENDARS.flatMap((calendar) => calendar.holidays)), fc.integer({ min: -36 * 60, max: 12 * 60 }))
    .map(([holiday, minutes]) => new Date(new Date(`${holiday}T06:00:00Z`).getTime() + minutes * 60_000)),
);

describe("business time", () => {
  it("a Friday-afternoon ticket with a 2-hour target is due Monday morning (Mexico City)", () => {
    // Friday 2027-01-08 17:00 in Mexico City (UTC−6): one hour left that day, one on Monday from 09:00.
    expect(addBusinessMinutes(new Date("2027-01-08T23:00:00Z"), 120, mexicoCity).toISOString()).toBe("2027-01-11T16:00:00.000Z");
  });

  it("Mexico City keeps UTC−6 all year; Tijuana's working day moves with its clock change", () => {
    // Mondays in January and July: Mexico City opens at 09:00 = 15:00 UTC in both (no summer time since 2022);
    // Tijuana at 08:00 = 16:00 UTC in winter (UTC−8) and 15:00 UTC in summer (UTC−7).
    const opening = (date: string, calendar: BusinessCalendar) => addBusinessMinutes(new Date(`${date}T12:00:00Z`), 0.5, calendar).toISOString();
    expect(opening("2027-01-04", mexicoCity)).toBe("2027-01-04T15:00:30.000Z");
    expect(opening("2027-07-05", mexicoCity)).toBe("2027-07-05T15:00:30.000Z");
    expect(opening("2027-01-04", tijuana)).toBe("2027-01-04T16:00:30.000Z");
    expect(opening("2027-07-05", tijuana)).toBe("2027-07-05T15:00:30.000Z");
  });

  it("working hours that start in the hour Tijuana's clocks skip begin when that hour would have ended", () => {
    // 2027-03-14, 02:00 → 03:00: a night shift from 02:30 starts at 03:30 PDT (10:30 UTC), not an hour early.
    const nightShift: BusinessCalendar = { timeZone: "America/Tijuana", week: { 7: [[150, 300]] }, holidays: [] };
    expect(addBusinessMinutes(new Date("2027-03-14T08:00:00Z"), 1, nightShift).toISOString()).toBe("2027-03-14T10:31:00.000Z");
    expect(businessMinutesBetween(new Date("2027-03-14T08:00:00Z"), new Date("2027-03-14T12:00:00Z"), nightShift)).toBe(90);
  });

  it("adding business time and then measuring it round-trips", () => {
    fc.assert(
      fc.property(calendars, instants, targets, (calendar, start, minutes) => {
        const due = addBusinessMinutes(start, minutes, calendar);
        expect(businessMinutesBetween(start, due, calendar)).toBeCloseTo(minutes, 6);
      }),
    );
  });

  it("a deadline always falls inside working hours, never on a holiday or a day off", () => {
    fc.assert(
      fc.property(calendars, instants, targets, (calendar, start, minutes) => {
        const due = local(addBusinessMinutes(start, minutes, calendar), calendar.timeZone);
        expect(calendar.holidays).not.toContain(due.date);
        const intervals = calendar.week[due.weekday as keyof typeof calendar.week] ?? [];
        expect(intervals.some(([from, to]) => due.minute >= from && due.minute <= to)).toBe(true);
      }),
    );
  });

  it("holidays and days off never count, whatever the span", () => {
    fc.assert(
      fc.property(calendars, nearHolidays, fc.integer({ min: 1, max: 60 * 24 * 2 }), (calendar, start, spanMinutes) => {
        const from = new Date(Math.floor(start.getTime() / 60_000) * 60_000); // on the minute, like the count below
        const to = new Date(from.getTime() + spanMinutes * 60_000);
        // Counted minute by minute from the local clock: every business minute is on a working day's interval.
        let expected = 0;
        for (let at = from.getTime(); at < to.getTime(); at += 60_000) {
          const { date, weekday, minute } = local(new Date(at), calendar.timeZone);
          if (calendar.holidays.includes(date)) continue;
          const intervals = calendar.week[weekday as keyof typeof calendar.week] ?? [];
          if (intervals.some(([start, end]) => minute >= start && minute < end)) expected += 1;
        }
        expect(businessMinutesBetween(from, to, calendar)).toBeCloseTo(expected, 6);
      }),
      // Fewer runs than the others: each counts up to 2,880 minutes one by one, so allow it time on a busy machine.
      { numRuns: 25 },
    );
  }, 60_000);

  it("more business time never gives an earlier deadline", () => {
    fc.assert(
      fc.property(calendars, instants, targets, targets, (calendar, start, a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(start, less, calendar).getTime()).toBeLessThanOrEqual(addBusinessMinutes(start, more, calendar).getTime());
      }),
    );
  });

  it("a calendar without working hours is an error, not an endless loop", () => {
    expect(() => addBusinessMinutes(new Date(), 60, { timeZone: "America/Mexico_City", week: {}, holidays: [] })).toThrow(/no working hours/);
  });
});
