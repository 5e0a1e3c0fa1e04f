import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportFilters, type ReportFilterValues } from "@/components/staff/report-filters";
import { ReportView } from "@/components/staff/report-view";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { env } from "@/lib/env";
import { localeOfTag } from "@/lib/i18n/locales";
import { REPORT_GROUPS, reportSummaryQuery } from "@/lib/reports/schemas";
import { summarizeTickets } from "@/lib/reports/summarize-tickets";
import { categoryLabels, listCategoryOptions } from "@/lib/tickets/categories";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("StaffReports"))("title") };
}

/** Without a range, the last 30 days up to today, counted where the desk works (DEFAULT_TIME_ZONE). */
const DEFAULT_DAYS = 30;

function today(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The filters are a GET form, so a report is a link a lead can share; the figures come from the same domain
// function as GET /api/reports/summary, and the CSV link carries the same filters.
export default async function ReportsPage({ searchParams }: Props) {
  await requireStaffPage();
  const t = await getTranslations("StaffReports");
  const locale = localeOfTag(await getLocale());
  const params = await searchParams;
  const value = (name: string) => {
    const raw = params[name];
    return (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;
  };
  const to = value("to") ?? today(env.DEFAULT_TIME_ZONE);
  const values: ReportFilterValues = {
    from: value("from") ?? daysBefore(to, DEFAULT_DAYS - 1),
    to,
    category: value("category"),
    roleContext: value("roleContext"),
    locale: value("locale"),
    channel: value("channel"),
    groupBy: value("groupBy"),
  };
  const parsed = reportSummaryQuery.safeParse(values);
  const [categories, labels, summary] = await Promise.all([
    listCategoryOptions(locale),
    categoryLabels(locale),
    parsed.success ? summarizeTickets(parsed.data) : null,
  ]);
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? ""), issue.message]));
  const { groupBy: _groupBy, ...filters } = values;
  const csv = `/api/reports/tickets.csv?${new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]))}`;

  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <ReportFilters values={values} errors={errors} categories={categories} groups={REPORT_GROUPS} />
      {summary && <ReportView summary={summary} categoryLabels={labels} csvHref={csv} />}
    </main>
  );
}
