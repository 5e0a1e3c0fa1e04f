"use client";

import { useTranslations } from "next-intl";
import { describedBy, errorId, FieldError } from "@/components/ui/field";
import { ApiProblem } from "@/lib/api-client/problem";
import { type CreateWebhookInput, WEBHOOK_EVENTS, type WebhookEndpoint } from "@/lib/webhooks/schemas";
import { adminFieldClasses } from "./admin-section";

type WebhookField = "url" | "description" | "events";
export type WebhookFieldErrors = Partial<Record<WebhookField, string>>;

/** The field each of a 422's errors belongs to (`events.1` is the events'), and whether every one has a field to show it. */
export function webhookFieldErrors(error: Error | null): { errors: WebhookFieldErrors; allPlaced: boolean } {
  const problems = error instanceof ApiProblem ? error.errors : [];
  const errors: WebhookFieldErrors = {};
  let allPlaced = problems.length > 0;
  for (const problem of problems) {
    const field = problem.path.split(".")[0];
    if (field === "url" || field === "description" || field === "events") errors[field] ??= problem.message;
    else allPlaced = false;
  }
  return { errors, allPlaced };
}

/** What the fields hold, as the API takes it; an empty description is sent as "" (none). */
export function readWebhookFields(data: FormData): Required<CreateWebhookInput> {
  return {
    url: String(data.get("url") ?? ""),
    events: WEBHOOK_EVENTS.filter((event) => data.getAll("events").includes(event)),
    description: String(data.get("description") ?? "").trim(),
  };
}

/** An endpoint's URL, description and events, empty for a new one or filled from `endpoint` to edit it. */
export function WebhookFields({ idPrefix, endpoint, errors }: { idPrefix: string; endpoint?: WebhookEndpoint; errors: WebhookFieldErrors }) {
  const t = useTranslations("StaffAdmin.webhooks");
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <div>
        <label htmlFor={id("url")} className="text-sm font-semibold">
          {t("url")}
        </label>
        <input
          name="url"
          type="url"
          required
          maxLength={2_000}
          placeholder="https://"
          defaultValue={endpoint?.url}
          {...describedBy(id("url"), { error: errors.url })}
          className={`${adminFieldClasses} w-96 max-w-full`}
        />
        <FieldError id={id("url")} message={errors.url} />
      </div>
      <div>
        <label htmlFor={id("description")} className="text-sm font-semibold">
          {t("description")}
        </label>
        <input
          name="description"
          maxLength={200}
          defaultValue={endpoint?.description}
          {...describedBy(id("description"), { error: errors.description })}
          className={adminFieldClasses}
        />
        <FieldError id={id("description")} message={errors.description} />
      </div>
      <fieldset className="basis-full" aria-describedby={errors.events ? errorId(id("events")) : undefined}>
        <legend className="text-sm font-semibold">{t("events")}</legend>
        <ul className="mt-1 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((event) => (
            <li key={event} className="flex items-start gap-2">
              <input
                id={id(`event-${event}`)}
                type="checkbox"
                name="events"
                value={event}
                defaultChecked={endpoint?.events.includes(event)}
                aria-describedby={id(`event-${event}-hint`)}
                className="mt-1 size-4"
              />
              <div className="text-sm">
                <label htmlFor={id(`event-${event}`)} className="font-mono font-semibold">
                  {event}
                </label>
                <p id={id(`event-${event}-hint`)} className="text-muted">
                  {t(`eventHints.${event}`)}
                </p>
              </div>
            </li>
          ))}
        </ul>
        <FieldError id={id("events")} message={errors.events} />
      </fieldset>
    </>
  );
}
