"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { BACKLOG_STATUSES, type ReportFigures } from "@/lib/reports/schemas";

const HEIGHT = 260;
// The desk's palette (brand, amber, slate), distinguishable without colour too: each series is named in the legend.
const COLOURS = { created: "#0f766e", closed: "#b45309", open: "#0f766e", in_progress: "#b45309", resolved: "#64748b", ratings: "#0f766e" };

/**
 * The report's pictures: created and closed per day, the backlog by status, the ratings. Hidden from screen readers,
 * and out of the tab order (no accessibility layer): their tables follow them.
 */
export function ReportCharts({ figures, labels }: { figures: ReportFigures; labels: Record<"created" | "closed" | (typeof BACKLOG_STATUSES)[number], string> }) {
  const t = useTranslations("StaffReports");
  const days = figures.days.map((day) => ({ date: day.date.slice(5), created: day.created, closed: day.closed, ...day.backlog }));
  const ratings = ([1, 2, 3, 4, 5] as const).map((rating) => ({ rating: String(rating), tickets: figures.satisfaction.distribution[rating] }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Chart caption={t("daily.chart")}>
        <LineChart accessibilityLayer={false} data={days}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="created" name={labels.created} stroke={COLOURS.created} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="closed" name={labels.closed} stroke={COLOURS.closed} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </Chart>
      <Chart caption={t("backlog.chart")}>
        <AreaChart accessibilityLayer={false} data={days}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {BACKLOG_STATUSES.map((status) => (
            <Area key={status} type="monotone" dataKey={status} name={labels[status]} stackId="backlog" stroke={COLOURS[status]} fill={COLOURS[status]} fillOpacity={0.35} isAnimationActive={false} />
          ))}
        </AreaChart>
      </Chart>
      <Chart caption={t("satisfaction.chart")}>
        <BarChart accessibilityLayer={false} data={ratings}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="rating" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="tickets" name={t("columns.tickets")} fill={COLOURS.ratings} isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}

function Chart({ caption, children }: { caption: string; children: React.ReactElement }) {
  return (
    <figure className="rounded-lg border border-slate-300 bg-white p-3 break-inside-avoid">
      <figcaption className="mb-2 font-semibold">{caption}</figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={HEIGHT}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
