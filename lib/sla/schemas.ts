import { z } from "zod";
import { TICKET_PRIORITIES, type TicketPriority } from "@/lib/tickets/workflow";
import type { BusinessCalendar, Weekday } from "./business-time";
import { isTimeZone } from "@/lib/i18n/time-zone";

// The service-level settings an admin edits: one source for the API, the admin page, the OpenAPI document and the clocks.

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

/** Thirty days of around-the-clock minutes: a target beyond that is not a service level. */
export const MAX_TARGET_MINUTES = 30 * 24 * 60;

const CLOCK_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const clockTime = z.string().regex(CLOCK_TIME, "Use a 24-hour time such as 09:00 (24:00 is the end of the day)");
export const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const workingHoursSchema = z
  .strictObject({ from: clockTime, to: clockTime })
  .refine(({ from, to }) => minutesOfDay(from) < minutesOfDay(to), { message: "The end must be after the start", path: ["to"] });

const dayScheduleSchema = z
  .array(workingHoursSchema)
  .max(6)
  .refine((hours) => hours.every((range, index) => index === 0 || minutesOfDay(hours[index - 1]!.to) <= minutesOfDay(range.from)), {
    message: "Working hours must be in order and must not overlap",
  });

const targetSchema = z.strictObject({
  firstReplyMinutes: z.int().min(1).max(MAX_TARGET_MINUTES),
  resolutionMinutes: z.int().min(1).max(MAX_TARGET_MINUTES),
});

export const serviceLevelsSchema = z
  .strictObject({
    /** An IANA time zone; the schedule and the holidays are in its local time. */
    timeZone: z.string().max(64).refine(isTimeZone, "Not a time zone this server knows (use an IANA name such as America/Mexico_City)"),
    /** Working hours per day of the week, in order; an empty list is a day off. */
    week: z.strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, dayScheduleSchema])) as Record<WeekdayName, typeof dayScheduleSchema>),
    /** Local dates without working hours. */
    holidays: z
      .array(z.strictObject({ date: z.iso.date(), name: z.string().trim().max(100) }))
      .max(366)
      .refine((holidays) => new Set(holidays.map((holiday) => holiday.date)).size === holidays.length, { message: "Each date may appear once" }),
    /** Business minutes per priority until the first public staff reply, and until the ticket is resolved. */
    targets: z.strictObject(Object.fromEntries(TICKET_PRIORITIES.map((priority) => [priority, targetSchema])) as Record<TicketPriority, typeof targetSchema>),
  })
  .refine((levels) => WEEKDAYS.some((day) => levels.week[day].length > 0), { message: "At least one day needs working hours", path: ["week"] });
export type ServiceLevels = z.infer<typeof serviceLevelsSchema>;

/** The settings and their version (send it back in `If-Match`). */
export const versionedServiceLevelsSchema = z.object({ settings: serviceLevelsSchema, version: z.int() });

const OFFICE_HOURS = [{ from: "09:00", to: "18:00" }];
const hours = (value: number) => value * 60;

/**
 * Until an admin changes them: Monday to Friday 09:00–18:00 in Mexico City, Mexico's statutory rest days
 * (Ley Federal del Trabajo, art. 74) for 2026 and 2027, and targets that halve with each step of urgency.
 */
export const DEFAULT_SERVICE_LEVELS: ServiceLevels = {
  timeZone: "America/Mexico_City",
  week: { monday: OFFICE_HOURS, tuesday: OFFICE_HOURS, wednesday: OFFICE_HOURS, thursday: OFFICE_HOURS, friday: OFFICE_HOURS, saturday: [], sunday: [] },
  holidays: [
    ["2026-01-01", "Año Nuevo"],
    ["2026-02-02", "Día de la Constitución"],
    ["2026-03-16", "Natalicio de Benito Juárez"],
    ["2026-05-01", "Día del Trabajo"],
    ["2026-09-16", "Día de la Independencia"],
    ["2026-11-16", "Día de la Revolución"],
    ["2026-12-25", "Navidad"],
    ["2027-01-01", "Año Nuevo"],
    ["2027-02-01", "Día de la Constitución"],
    ["2027-03-15", "Natalicio de Benito Juárez"],
    ["2027-05-01", "Día del Trabajo"],
    ["2027-09-16", "Día de la Independencia"],
    ["2027-11-15", "Día de la Revolución"],
    ["2027-12-25", "Navidad"],
  ].map(([date, name]) => ({ date: date!, name: name! })),
  targets: {
    urgent: { firstReplyMinutes: hours(1), resolutionMinutes: hours(9) },
    high: { firstReplyMinutes: hours(2), resolutionMinutes: hours(18) },
    normal: { firstReplyMinutes: hours(4), resolutionMinutes: hours(36) },
    low: { firstReplyMinutes: hours(9), resolutionMinutes: hours(72) },
  },
};

/** The settings as business-time arithmetic takes them. */
export function businessCalendarOf(levels: ServiceLevels): BusinessCalendar {
  return {
    timeZone: levels.timeZone,
    week: Object.fromEntries(
      WEEKDAYS.map((day, index) => [index + 1, levels.week[day].map((range) => [minutesOfDay(range.from), minutesOfDay(range.to)] as const)]),
    ) as Record<Weekday, Array<readonly [number, number]>>,
    holidays: levels.holidays.map((holiday) => holiday.date),
  };
}
