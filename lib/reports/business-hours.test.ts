import { describe, expect, it } from "vitest";
import { setUpEmbeddedDatabase } from "@/tests/support/embedded-database";

// The business-hours job and the report that reads what it counted, in this process on an embedded database.
await setUpEmbeddedDatabase("business-hours", { DEFAULT_TIME_ZONE: "America/Mexico_City" });
const { sql } = await import("drizzle-orm");
const { getDb } = await import("@/db");
const { selectRows } = await import("@/db/select-rows");
const { SYSTEM_ORIGIN } = await import("@/lib/audit/record-audit");
const { DEFAULT_SERVICE_LEVELS } = await import("@/lib/sla/schemas");
const { updateServiceLevels } = await import("@/lib/sla/service-levels");
const { countBusinessHours } = await import("./business-hours");
const { summarizeTickets } = await import("./summarize-tickets");

const HOUR = 3_600_000;
/** Monday 2026-11-02 10:00 in Mexico City (UTC−6): the default calendar works 09:00–18:00 on weekdays. */
const MONDAY_10 = Date.parse("2026-11-02T16:00:00Z");
const RANGE = { from: "2026-11-02", to: "2026-11-02" };
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

async function file(repliedAfterHours: number | null, resolvedAfterHours: number | null): Promise<number> {
  const db = await getDb();
  const at = (hours: number | null) => iso(hours === null ? null : MONDAY_10 + hours * HOUR);
  const [row] = await selectRows<{ id: number }>(
    db,
    sql`insert into tickets (role_context, full_name, email, subject, category, message, created_at, updated_at, first_replied_at, first_resolved_at)
      values ('tourist', 'Ana Martinez', 'ana@example.com', 'Counting', 'General Inquiry', 'Help', ${iso(MONDAY_10)}, ${iso(MONDAY_10)},
        ${at(repliedAfterHours)}, ${at(resolvedAfterHours)})
      returning id`,
  );
  return row!.id;
}

async function counted(id: number) {
  const [row] = await selectRows<{ firstReply: number | null; resolution: number | null }>(
    await getDb(),
    sql`select first_reply_business_hours as "firstReply", resolution_business_hours as resolution from tickets where id = ${id}`,
  );
  return row!;
}

const AROUND_THE_CLOCK = Object.fromEntries(Object.keys(DEFAULT_SERVICE_LEVELS.week).map((day) => [day, [{ from: "00:00", to: "24:00" }]]));

describe("the business-hours job", () => {
  it("counts each answered ticket once with the calendar in force, and again when its resolution comes", async () => {
    // Replied 3 hours after 10:00 Monday (3 business hours); resolved 30 hours after, Tuesday 16:00 (8 + 7).
    const both = await file(3, 30);
    const replied = await file(3, null);
    const unanswered = await file(null, null);
    expect(await countBusinessHours()).toBe(2);
    expect(await counted(both)).toEqual({ firstReply: 3, resolution: 15 });
    expect(await counted(replied)).toEqual({ firstReply: 3, resolution: null });
    expect(await counted(unanswered)).toEqual({ firstReply: null, resolution: null });
    expect(await countBusinessHours()).toBe(0);

    await (await getDb()).execute(sql`update tickets set first_resolved_at = ${iso(MONDAY_10 + 6 * HOUR)} where id = ${replied}`);
    expect(await countBusinessHours()).toBe(1);
    expect(await counted(replied)).toEqual({ firstReply: 3, resolution: 6 });
  });

  it("gives a report the stored figures only while their calendar is in force, and recounts after a change", async () => {
    const db = await getDb();
    await countBusinessHours();
    const reported = async () => (await summarizeTickets(RANGE)).figures.resolutionBusinessHours;
    // Resolutions after 6 and 15 business hours (the tickets of the test above).
    expect(await reported()).toEqual({ count: 2, median: 10.5, p90: 14.1 });

    // What the report reads is the ticket's, while it was counted with the calendar in force.
    await db.execute(sql`update tickets set resolution_business_hours = 100 where resolution_business_hours = 15`);
    expect(await reported()).toEqual({ count: 2, median: 53, p90: 90.6 });
    // Counted with another calendar, it is counted again by the report itself until the job catches up.
    await db.execute(sql`update tickets set business_hours_calendar = 'another calendar' where resolution_business_hours = 100`);
    expect(await reported()).toEqual({ count: 2, median: 10.5, p90: 14.1 });
    expect(await countBusinessHours()).toBe(1);
    expect(await reported()).toEqual({ count: 2, median: 10.5, p90: 14.1 });

    // Around the clock, business hours are calendar hours: at once in the report, and on every ticket after a pass.
    await updateServiceLevels({ ...DEFAULT_SERVICE_LEVELS, week: AROUND_THE_CLOCK as typeof DEFAULT_SERVICE_LEVELS.week }, SYSTEM_ORIGIN);
    expect(await reported()).toEqual({ count: 2, median: 18, p90: 27.6 });
    expect(await countBusinessHours()).toBe(2);
    expect(await reported()).toEqual({ count: 2, median: 18, p90: 27.6 });
    const rows = await selectRows<{ resolution: number }>(db, sql`select resolution_business_hours as resolution from tickets where resolution_business_hours is not null order by 1`);
    expect(rows.map((row) => row.resolution)).toEqual([6, 30]);
  });
});
