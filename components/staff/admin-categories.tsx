"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { type AdminCategory, CATEGORY_LABEL_MAX } from "@/lib/tickets/category-schemas";
import { adminFieldClasses } from "./admin-section";
import { fetchAdminCategories, updateCategoryLabels } from "./staff-api";

const CATEGORIES_KEY = ["admin", "categories"] as const;

/** What each category is called in each language; the stored name (tickets, API) stays. */
export function AdminCategories() {
  const t = useTranslations("StaffAdmin.categories");
  const categories = useQuery({ queryKey: CATEGORIES_KEY, queryFn: fetchAdminCategories });
  return (
    <section aria-labelledby="categories-heading" className="space-y-4">
      <h2 id="categories-heading" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {categories.data?.map((category) => <CategoryLabelsForm key={category.name} category={category} />)}
    </section>
  );
}

function CategoryLabelsForm({ category }: { category: AdminCategory }) {
  const t = useTranslations("StaffAdmin.categories");
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (labels: { es: string; en: string }) => updateCategoryLabels(category.name, labels),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CATEGORIES_KEY }),
  });
  const id = useId();
  const field = (locale: "es" | "en") => `${id}-${locale}`;
  return (
    <form
      className="rounded-lg border border-slate-300 bg-white p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        save.mutate({ es: String(form.get("es")), en: String(form.get("en")) });
      }}
    >
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-2 font-semibold">{category.active ? category.name : t("inactive", { name: category.name })}</legend>
        {(["es", "en"] as const).map((locale) => (
          <div key={locale}>
            <label htmlFor={field(locale)} className="text-sm font-semibold">
              {t(`labels.${locale}`)}
            </label>
            <input
              id={field(locale)}
              name={locale}
              lang={locale}
              required
              maxLength={CATEGORY_LABEL_MAX}
              defaultValue={category.labels[locale] ?? category.name}
              className={adminFieldClasses}
            />
          </div>
        ))}
        <Button type="submit" variant="secondary" disabled={save.isPending} aria-label={t("saveNamed", { name: category.name })}>
          {t("save")}
        </Button>
      </fieldset>
      {save.isSuccess && (
        <p role="status" className="mt-2 text-sm text-emerald-900">
          {t("saved", { name: category.name })}
        </p>
      )}
      {save.error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {t("failed", { name: category.name, error: save.error.message })}
        </p>
      )}
    </form>
  );
}
