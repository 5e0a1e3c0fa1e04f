"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field";
import type { ReportGroup } from "@/lib/reports/schemas";
import type { CategoryOption } from "@/lib/tickets/categories";
import { MESSAGE_CHANNELS } from "@/lib/tickets/message-schemas";
import { LOCALES } from "@/lib/i18n/locales";
import { ROLE_CONTEXTS } from "@/lib/tickets/workflow";
import { FilterSelect, filterFieldClasses } from "./filter-select";

export interface ReportFilterValues {
  from: string;
  to: string;
  category?: string;
  roleContext?: string;
  locale?: string;
  channel?: string;
  groupBy?: string;
}

/** The report's range and filters: a GET form, so each report is a link; a select applies at once, the dates on "Show". */
export function ReportFilters({
  values,
  errors,
  categories,
  groups,
}: {
  values: ReportFilterValues;
  /** Why the server refused a value, by field. */
  errors: Record<string, string>;
  categories: CategoryOption[];
  groups: readonly ReportGroup[];
}) {
  const t = useTranslations("StaffReports");
  const date = (name: "from" | "to") => (
    <div>
      <label htmlFor={`report-${name}`} className="text-sm font-semibold">
        {t(name)}
      </label>
      <input
        name={name}
        type="date"
        required
        defaultValue={values[name]}
        {...describedBy(`report-${name}`, { error: errors[name] })}
        className={filterFieldClasses}
      />
      <FieldError id={`report-${name}`} message={errors[name]} />
    </div>
  );
  return (
    <form method="get" action="/staff/reports" aria-label={t("filters")} className="flex flex-wrap items-end gap-3 print:hidden">
      {date("from")}
      {date("to")}
      <FilterSelect
        idPrefix="report"
        name="category"
        label={t("category")}
        value={values.category}
        anyLabel={t("allCategories")}
        options={categories.map((category) => ({ value: category.name, label: category.label }))}
      />
      <FilterSelect
        idPrefix="report"
        name="roleContext"
        label={t("role")}
        value={values.roleContext}
        anyLabel={t("allRoles")}
        options={ROLE_CONTEXTS.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <FilterSelect
        idPrefix="report"
        name="locale"
        label={t("language")}
        value={values.locale}
        anyLabel={t("allLanguages")}
        options={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
      />
      <FilterSelect
        idPrefix="report"
        name="channel"
        label={t("channel")}
        value={values.channel}
        anyLabel={t("allChannels")}
        options={MESSAGE_CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
      />
      <FilterSelect
        idPrefix="report"
        name="groupBy"
        label={t("groupBy")}
        value={values.groupBy}
        anyLabel={t("noGroups")}
        options={groups.map((group) => ({ value: group, label: t(`groups.${group}`) }))}
      />
      <Button type="submit">{t("show")}</Button>
    </form>
  );
}
