import { z } from "zod";
import { MESSAGE_CHANNELS } from "@/lib/tickets/message-schemas";
import { localeSchema, roleContextSchema, TICKET_LIMITS } from "@/lib/tickets/schemas";
import { textField } from "@/lib/zod/text";

// The reports' query and answer shapes, shared by the API and the OpenAPI document: no server imports here.

/** A longer range is a year-over-year question the daily series is not built for. */
export const MAX_REPORT_DAYS = 366;

/** What `groupBy` can split the figures by: the ticket fields the filters take. */
export const REPORT_GROUPS = ["category", "roleContext", "locale", "channel"] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** The statuses a backlog counts: every one but `closed`, which is final. */
export const BACKLOG_STATUSES = ["open", "in_progress", "resolved"] as const;

const day = (name: string) =>
  z.iso.date({ error: `${name} must be a date such as 2026-11-30` }).meta({ description: `The ${name === "from" ? "first" : "last"} day of the range, inclusive` });

const reportFilters = {
  from: day("from"),
  to: day("to"),
  category: textField("Category", { max: TICKET_LIMITS.category }).optional(),
  roleContext: roleContextSchema.optional(),
  locale: localeSchema.optional(),
  channel: z
    .enum(MESSAGE_CHANNELS, { error: `Channel must be one of: ${MESSAGE_CHANNELS.join(", ")}` })
    .optional()
    .meta({ description: "How the ticket came in: the channel of its first message" }),
};

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

function checkRange({ from, to }: { from: string; to: string }, context: z.RefinementCtx) {
  const days = daysBetween(from, to) + 1;
  if (days < 1) context.addIssue({ code: "custom", path: ["to"], message: "to cannot be earlier than from" });
  else if (days > MAX_REPORT_DAYS) context.addIssue({ code: "custom", path: ["to"], message: `The range can be at most ${MAX_REPORT_DAYS} days` });
}

export const reportTicketsQuery = z.strictObject(reportFilters).superRefine(checkRange);
export type ReportTicketsQuery = z.infer<typeof reportTicketsQuery>;

export const reportSummaryQuery = z
  .strictObject({
    ...reportFilters,
    groupBy: z
      .enum(REPORT_GROUPS, { error: `groupBy must be one of: ${REPORT_GROUPS.join(", ")}` })
      .optional()
      .meta({ description: "Also give the figures per value of this field" }),
  })
  .superRefine(checkRange);
export type ReportSummaryQuery = z.infer<typeof reportSummaryQuery>;

const hours = z.number().nullable();
const durationSchema = z.object({
  count: z.int().meta({ description: "How many tickets have this duration" }),
  median: hours.meta({ description: "The median in hours, null without tickets" }),
  p90: hours.meta({ description: "The 90th percentile in hours (linear interpolation), null without tickets" }),
});

const share = z.number().nullable().meta({ description: "A fraction from 0 to 1 (four decimals), null when nothing was measured" });
const attainmentSchema = z.object({
  measured: z.int().meta({ description: "Tickets whose outcome is known: the target was met or a breach was recorded" }),
  met: z.int(),
  rate: share,
});

export const reportFiguresSchema = z.object({
  created: z.int().meta({ description: "Tickets created in the range (the cohort every figure below but `days` is about)" }),
  days: z.array(
    z.object({
      date: z.iso.date(),
      created: z.int(),
      closed: z.int().meta({ description: "Tickets that became closed that day, whenever they were created" }),
      backlog: z
        .object(Object.fromEntries(BACKLOG_STATUSES.map((status) => [status, z.int()])) as Record<(typeof BACKLOG_STATUSES)[number], z.ZodInt>)
        .meta({ description: "Tickets in each status at the end of the day, from the ticket history" }),
    }),
  ),
  firstReplyHours: durationSchema.meta({ description: "Calendar hours from creation to the first public staff reply" }),
  resolutionHours: durationSchema.meta({ description: "Calendar hours from creation to the first move to resolved or closed" }),
  firstReplyBusinessHours: durationSchema.meta({
    description: "As firstReplyHours, counted in business hours: the service levels' schedule, holidays and time zone as they are now",
  }),
  resolutionBusinessHours: durationSchema.meta({
    description: "As resolutionHours, counted in business hours (elapsed business time: it does not pause while the requester is to answer, as the service-level clock does)",
  }),
  serviceLevels: z.object({ firstReply: attainmentSchema, resolution: attainmentSchema }),
  satisfaction: z.object({
    count: z.int(),
    average: z.number().nullable().meta({ description: "The average rating (two decimals), null without ratings" }),
    distribution: z.object({ 1: z.int(), 2: z.int(), 3: z.int(), 4: z.int(), 5: z.int() }),
  }),
  reopens: z.object({
    resolved: z.int().meta({ description: "Tickets that were resolved at least once" }),
    reopened: z.int().meta({ description: "Of those, the tickets that went back from resolved to in_progress" }),
    rate: share,
  }),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const reportSummarySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  timeZone: z.string().meta({ description: "The time zone the days are counted in (DEFAULT_TIME_ZONE)" }),
  figures: reportFiguresSchema,
  groupBy: z.enum(REPORT_GROUPS).nullable(),
  groups: z
    .array(z.object({ value: z.string(), figures: reportFiguresSchema }))
    .meta({ description: "The figures per value of `groupBy` that has tickets in the report, by value; empty without `groupBy`" }),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** The CSV export's columns, in order. */
export const REPORT_CSV_COLUMNS = [
  "id",
  "createdAt",
  "status",
  "category",
  "roleContext",
  "locale",
  "channel",
  "priority",
  "firstReplyHours",
  "resolutionHours",
  "breached",
  "rating",
  // Added after the first release: at the end, so a reader that takes the columns by position still finds the others.
  "firstReplyBusinessHours",
  "resolutionBusinessHours",
] as const;
