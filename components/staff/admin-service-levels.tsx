"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiProblem } from "@/lib/api-client/problem";
import { type ServiceLevels, WEEKDAYS } from "@/lib/sla/schemas";
import { TICKET_PRIORITIES } from "@/lib/tickets/workflow";
import { adminFieldClasses } from "./admin-section";
import { type EditableServiceLevels, fetchServiceLevels, saveServiceLevels } from "./staff-api";

const SERVICE_LEVELS_KEY = ["admin", "service-levels"] as const;

// A day's hours are written as text, "09:00-13:00, 14:00-18:00" (empty: a day off), and holidays one per line,
// "2026-12-25 Navidad": every shape the API takes fits in a field, and the API's own schema checks what is sent.
const hoursText = (hours: ServiceLevels["week"]["monday"]) => hours.map((range) => `${range.from}-${range.to}`).join(", ");
const parseHours = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [from = "", to = ""] = part.split(/\s*[-–]\s*/);
      return { from, to };
    });
const holidaysText = (holidays: ServiceLevels["holidays"]) => holidays.map((holiday) => `${holiday.date} ${holiday.name}`.trim()).join("\n");
const parseHolidays = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [date = "", ...name] = line.split(/\s+/);
      return { date, name: name.join(" ") };
    });
const hoursOf = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);
const minutesOf = (hours: FormDataEntryValue | null) => Math.round(Number(hours) * 60);

/** Business hours, holidays and targets per priority, which every ticket's deadlines are counted in. */
export function AdminServiceLevels() {
  const t = useTranslations("StaffAdmin.serviceLevels");
  const loaded = useQuery({ queryKey: SERVICE_LEVELS_KEY, queryFn: fetchServiceLevels });
  const queryClient = useQueryClient();
  // Here, not in the form: a save gives the settings a new version, and the form starts again from them.
  const save = useMutation({
    mutationFn: ({ settings, etag }: { settings: ServiceLevels; etag: string }) => saveServiceLevels(settings, etag),
    onSuccess: (saved) => queryClient.setQueryData(SERVICE_LEVELS_KEY, saved),
  });
  const problems = save.error instanceof ApiProblem ? save.error.errors : [];
  return (
    <section aria-labelledby="service-levels-heading" className="space-y-4">
      <h2 id="service-levels-heading" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {loaded.data && (
        <ServiceLevelsForm
          key={loaded.data.etag}
          loaded={loaded.data}
          saving={save.isPending}
          onSave={(settings) => save.mutate({ settings, etag: loaded.data.etag })}
        />
      )}
      {save.isSuccess && (
        <p role="status" className="text-sm text-emerald-900">
          {t("saved")}
        </p>
      )}
      {save.error && (
        <div role="alert" className="text-sm text-red-800">
          <p>{t("failed", { error: save.error.message })}</p>
          {problems.length > 0 && (
            <ul className="list-disc pl-5">
              {problems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  <code>{problem.path}</code>: {problem.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {loaded.error && (
        <p role="alert" className="text-sm text-red-800">
          {loaded.error.message}
        </p>
      )}
    </section>
  );
}

function ServiceLevelsForm({
  loaded,
  saving,
  onSave,
}: {
  loaded: EditableServiceLevels;
  saving: boolean;
  onSave: (settings: ServiceLevels) => void;
}) {
  const t = useTranslations("StaffAdmin.serviceLevels");
  const tPriority = useTranslations("Priority");
  const [timeZones] = useState(() => Intl.supportedValuesOf("timeZone"));
  const { settings } = loaded;

  return (
    <form
      className="space-y-4 rounded-lg border border-slate-300 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        onSave({
          timeZone: String(form.get("timeZone")),
          week: Object.fromEntries(WEEKDAYS.map((day) => [day, parseHours(String(form.get(`week.${day}`)))])) as ServiceLevels["week"],
          holidays: parseHolidays(String(form.get("holidays"))),
          targets: Object.fromEntries(
            TICKET_PRIORITIES.map((priority) => [
              priority,
              { firstReplyMinutes: minutesOf(form.get(`${priority}.firstReply`)), resolutionMinutes: minutesOf(form.get(`${priority}.resolution`)) },
            ]),
          ) as ServiceLevels["targets"],
        });
      }}
    >
      <div>
        <label htmlFor="sla-time-zone" className="text-sm font-semibold">
          {t("timeZone")}
        </label>
        <select id="sla-time-zone" name="timeZone" defaultValue={settings.timeZone} className={adminFieldClasses}>
          {(timeZones.includes(settings.timeZone) ? timeZones : [settings.timeZone, ...timeZones]).map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </div>

      <fieldset>
        <legend className="font-semibold">{t("week")}</legend>
        <p className="text-sm text-muted">{t("weekHint")}</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEEKDAYS.map((day) => (
            <div key={day}>
              <label htmlFor={`sla-${day}`} className="text-sm font-semibold">
                {t(`days.${day}`)}
              </label>
              <input id={`sla-${day}`} name={`week.${day}`} defaultValue={hoursText(settings.week[day])} className={`${adminFieldClasses} w-full`} />
            </div>
          ))}
        </div>
      </fieldset>

      <div>
        <label htmlFor="sla-holidays" className="text-sm font-semibold">
          {t("holidays")}
        </label>
        <p id="sla-holidays-hint" className="text-sm text-muted">
          {t("holidaysHint")}
        </p>
        <textarea
          id="sla-holidays"
          name="holidays"
          rows={6}
          aria-describedby="sla-holidays-hint"
          defaultValue={holidaysText(settings.holidays)}
          className={`${adminFieldClasses} w-full font-mono text-sm`}
        />
      </div>

      <table className="w-full text-left text-sm">
        <caption className="text-left font-semibold">{t("targets")}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1">{t("priority")}</th>
            <th scope="col" className="py-1">{t("firstReply")}</th>
            <th scope="col" className="py-1">{t("resolution")}</th>
          </tr>
        </thead>
        <tbody>
          {TICKET_PRIORITIES.map((priority) => (
            <tr key={priority}>
              <th scope="row" className="py-1 font-medium">{tPriority(priority)}</th>
              {(["firstReply", "resolution"] as const).map((target) => (
                <td key={target} className="py-1">
                  <input
                    type="number"
                    name={`${priority}.${target}`}
                    min={0.25}
                    step={0.25}
                    required
                    aria-label={t("targetLabel", { priority: tPriority(priority), target: t(target) })}
                    defaultValue={hoursOf(settings.targets[priority][`${target}Minutes`])}
                    className={`${adminFieldClasses} w-28`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <Button type="submit" disabled={saving}>
        {t("save")}
      </Button>
    </form>
  );
}
