"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import { BACKLOG_STATUSES, type ReportFigures, type ReportSummary } from "@/lib/reports/schemas";
import type { MessageChannel } from "@/lib/tickets/message-schemas";
import type { RoleContext } from "@/lib/tickets/workflow";
import { AdminTable } from "./admin-section";

// Recharts is loaded here only, in the browser: the public pages never see it, and its SVG is styled by
// script (the page's CSP allows no inline style attributes in the HTML).
const ReportCharts = dynamic(() => import("./report-charts").then((module) => module.ReportCharts), { ssr: false });

const RATINGS = [1, 2, 3, 4, 5] as const;


/** A report: the key figures, each chart with its table, the figures per group, and the CSV of its tickets. */
export function ReportView({ summary, categoryLabels, csvHref }: { summary: ReportSummary; categoryLabels: Record<string, string>; csvHref: string }) {
  const t = useTranslations("StaffReports");
  const { figures } = summary;
  const groupLabel = (value: string): string => {
    switch (summary.groupBy) {
      case "category":
        return categoryLabels[value] ?? value;
      case "roleContext":
        return t(`roles.${value as RoleContext}`);
      case "locale":
        return t(`languages.${value as Locale}`);
      case "channel":
        return t(`channels.${value as MessageChannel}`);
      default:
        return value;
    }
  };
  const chartLabels = {
    created: t("series.created"),
    closed: t("series.closed"),
    open: t("series.open"),
    in_progress: t("series.in_progress"),
    resolved: t("series.resolved"),
  };

  return (
    <div className="space-y-8">
      <p className="text-sm text-muted">
        {t("range", { from: summary.from, to: summary.to, timeZone: summary.timeZone })}{" "}
        <a href={csvHref} download className={`${buttonClasses("secondary")} ml-2 print:hidden`}>
          {t("csv")}
        </a>
      </p>
      <KeyFigures figures={figures} />
      <ReportCharts figures={figures} labels={chartLabels} />
      <Figure caption={t("daily.caption")}>
        <AdminTable caption={t("daily.caption")} columns={[t("columns.day"), chartLabels.created, chartLabels.closed, ...BACKLOG_STATUSES.map((status) => t("columns.backlog", { status: t(`series.${status}`) }))]}>
          {figures.days.map((day) => (
            <tr key={day.date} className="border-t border-slate-200">
              <td className="px-3 py-1.5">{day.date}</td>
              <td className="px-3 py-1.5">{day.created}</td>
              <td className="px-3 py-1.5">{day.closed}</td>
              {BACKLOG_STATUSES.map((status) => (
                <td key={status} className="px-3 py-1.5">
                  {day.backlog[status]}
                </td>
              ))}
            </tr>
          ))}
        </AdminTable>
      </Figure>
      <Figure caption={t("satisfaction.caption")}>
        <AdminTable caption={t("satisfaction.caption")} columns={[t("columns.rating"), t("columns.tickets")]}>
          {RATINGS.map((rating) => (
            <tr key={rating} className="border-t border-slate-200">
              <td className="px-3 py-1.5">{t("satisfaction.stars", { rating })}</td>
              <td className="px-3 py-1.5">{figures.satisfaction.distribution[rating]}</td>
            </tr>
          ))}
        </AdminTable>
      </Figure>
      {summary.groupBy && (
        <section aria-labelledby="report-groups" className="space-y-2">
          <h2 id="report-groups" className="text-xl font-bold">
            {t("groupsTitle", { group: t(`groups.${summary.groupBy}`) })}
          </h2>
          <div className="overflow-x-auto">
            <AdminTable
              caption={t("groupsTitle", { group: t(`groups.${summary.groupBy}`) })}
              columns={[t(`groups.${summary.groupBy}`), t("figures.created"), t("figures.firstReply"), t("figures.resolution"), t("figures.firstReplyBusiness"), t("figures.resolutionBusiness"), t("figures.slaResolution"), t("figures.satisfaction"), t("figures.reopenRate")]}
            >
              {summary.groups.map((group) => (
                <tr key={group.value} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-1.5 text-left font-semibold">
                    {groupLabel(group.value)}
                  </th>
                  <td className="px-3 py-1.5">{group.figures.created}</td>
                  <td className="px-3 py-1.5">{hoursText(t, group.figures.firstReplyHours.median)}</td>
                  <td className="px-3 py-1.5">{hoursText(t, group.figures.resolutionHours.median)}</td>
                  <td className="px-3 py-1.5">{hoursText(t, group.figures.firstReplyBusinessHours.median)}</td>
                  <td className="px-3 py-1.5">{hoursText(t, group.figures.resolutionBusinessHours.median)}</td>
                  <td className="px-3 py-1.5">{shareText(t, group.figures.serviceLevels.resolution.rate)}</td>
                  <td className="px-3 py-1.5">{group.figures.satisfaction.average ?? t("none")}</td>
                  <td className="px-3 py-1.5">{shareText(t, group.figures.reopens.rate)}</td>
                </tr>
              ))}
            </AdminTable>
          </div>
        </section>
      )}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslations<"StaffReports">>;

const hoursText = (t: Translate, hours: number | null) => (hours === null ? t("none") : t("hours", { hours: Math.round(hours * 10) / 10 }));
const shareText = (t: Translate, rate: number | null) => (rate === null ? t("none") : t("percent", { percent: Math.round(rate * 1000) / 10 }));

function KeyFigures({ figures }: { figures: ReportFigures }) {
  const t = useTranslations("StaffReports");
  const closed = figures.days.reduce((sum, day) => sum + day.closed, 0);
  const tiles: Array<[string, string, string?]> = [
    [t("figures.created"), String(figures.created)],
    [t("figures.closed"), String(closed)],
    [t("figures.firstReply"), hoursText(t, figures.firstReplyHours.median), t("figures.p90", { value: hoursText(t, figures.firstReplyHours.p90) })],
    [t("figures.resolution"), hoursText(t, figures.resolutionHours.median), t("figures.p90", { value: hoursText(t, figures.resolutionHours.p90) })],
    [t("figures.firstReplyBusiness"), hoursText(t, figures.firstReplyBusinessHours.median), t("figures.p90", { value: hoursText(t, figures.firstReplyBusinessHours.p90) })],
    [t("figures.resolutionBusiness"), hoursText(t, figures.resolutionBusinessHours.median), t("figures.p90", { value: hoursText(t, figures.resolutionBusinessHours.p90) })],
    [t("figures.slaFirstReply"), shareText(t, figures.serviceLevels.firstReply.rate), t("figures.measured", { count: figures.serviceLevels.firstReply.measured })],
    [t("figures.slaResolution"), shareText(t, figures.serviceLevels.resolution.rate), t("figures.measured", { count: figures.serviceLevels.resolution.measured })],
    [t("figures.satisfaction"), figures.satisfaction.average === null ? t("none") : String(figures.satisfaction.average), t("figures.ratings", { count: figures.satisfaction.count })],
    [t("figures.reopenRate"), shareText(t, figures.reopens.rate), t("figures.reopened", { reopened: figures.reopens.reopened, resolved: figures.reopens.resolved })],
  ];
  return (
    <section aria-labelledby="report-key-figures">
      <h2 id="report-key-figures" className="sr-only">
        {t("figures.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map(([label, value, detail]) => (
          <div key={label} className="rounded-lg border border-slate-300 bg-white p-3">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
            {detail && <dd className="text-sm text-muted">{detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A chart's figures as a table, folded under the charts: the charts are pictures of it, hidden from screen readers. */
function Figure({ caption, children }: { caption: string; children: React.ReactNode }) {
  const t = useTranslations("StaffReports");
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-3">
      <summary className="cursor-pointer font-semibold">{t("asTable", { caption })}</summary>
      {/* Focusable, so a keyboard can scroll a long table. */}
      <div tabIndex={0} role="region" aria-label={caption} className="mt-2 max-h-96 overflow-auto">
        {children}
      </div>
    </details>
  );
}
