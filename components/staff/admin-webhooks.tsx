"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { ApiProblem } from "@/lib/api-client/problem";
import { WEBHOOK_EVENTS, type WebhookEndpoint, type webhookWithSecretSchema } from "@/lib/webhooks/schemas";
import { adminFieldClasses, AdminSection, AdminTable } from "./admin-section";
import {
  createWebhook,
  deleteWebhook,
  fetchWebhookDeliveries,
  fetchWebhooks,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhook,
} from "./staff-api";

const WEBHOOKS_KEY = ["admin", "webhooks"] as const;
const deliveriesKey = (id: number) => [...WEBHOOKS_KEY, id, "deliveries"] as const;
const DELIVERY_LOG_LIMIT = 20;
/** How often an open log looks again while a delivery is still being tried. */
const PENDING_REFRESH_MS = 10_000;
const BODY_PREVIEW = 200;

type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;
type CreateField = "url" | "description" | "events";

/** The create form's field a 422 error belongs to (`events.1` is the events'), or null for one no field shows. */
function fieldOf(path: string): CreateField | null {
  const field = path.split(".")[0];
  return field === "url" || field === "description" || field === "events" ? field : null;
}

/** Where the desk POSTs ticket events, signed, for other systems; each endpoint with its delivery log. */
export function AdminWebhooks() {
  const t = useTranslations("StaffAdmin.webhooks");
  const queryClient = useQueryClient();
  // The secret of the endpoint just created or rotated: the API returns it this once.
  const [secret, setSecret] = useState<{ endpoint: WebhookWithSecret; rotated: boolean } | null>(null);
  const endpoints = useQuery({ queryKey: WEBHOOKS_KEY, queryFn: fetchWebhooks });
  const refresh = () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  const create = useMutation({
    mutationFn: createWebhook,
    onSuccess: (endpoint) => {
      setSecret({ endpoint, rotated: false });
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, status }: { id: number; status: "active" | "paused" }) => updateWebhook(id, { status }),
    onSettled: refresh,
  });
  const rotate = useMutation({
    mutationFn: rotateWebhookSecret,
    onSuccess: (endpoint) => setSecret({ endpoint, rotated: true }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: deleteWebhook,
    onSuccess: (_, id) => setSecret((shown) => (shown?.endpoint.id === id ? null : shown)),
    onSettled: refresh,
  });

  const problems = create.error instanceof ApiProblem ? create.error.errors : [];
  const fieldErrors: Partial<Record<CreateField, string>> = {};
  for (const problem of problems) {
    const field = fieldOf(problem.path);
    if (field) fieldErrors[field] ??= problem.message;
  }
  // Field errors show at their fields; the alert then only says to look there.
  const allPlaced = problems.length > 0 && problems.every((problem) => fieldOf(problem.path));
  const createError = create.error && (allPlaced ? new Error(t("fixFields")) : create.error);

  return (
    <AdminSection
      headingId="webhooks-heading"
      title={t("title")}
      intro={t.rich("intro", { docs: (chunks) => <a href="/docs/api" className="font-semibold text-brand-700 underline">{chunks}</a> })}
      createLabel={t("create")}
      pending={create.isPending}
      errors={[createError, update.error, rotate.error, remove.error]}
      onCreate={(data, reset) => {
        const description = String(data.get("description") ?? "").trim();
        create.mutate(
          {
            url: String(data.get("url") ?? ""),
            events: WEBHOOK_EVENTS.filter((event) => data.getAll("events").includes(event)),
            ...(description && { description }),
          },
          { onSuccess: reset },
        );
      }}
      fields={
        <>
          <div>
            <label htmlFor="webhook-url" className="text-sm font-semibold">
              {t("url")}
            </label>
            <input
              name="url"
              type="url"
              required
              maxLength={2_000}
              placeholder="https://"
              {...describedBy("webhook-url", { error: fieldErrors.url })}
              className={`${adminFieldClasses} w-96 max-w-full`}
            />
            <FieldError id="webhook-url" message={fieldErrors.url} />
          </div>
          <div>
            <label htmlFor="webhook-description" className="text-sm font-semibold">
              {t("description")}
            </label>
            <input
              name="description"
              maxLength={200}
              {...describedBy("webhook-description", { error: fieldErrors.description })}
              className={adminFieldClasses}
            />
            <FieldError id="webhook-description" message={fieldErrors.description} />
          </div>
          <fieldset className="basis-full" aria-describedby={fieldErrors.events ? "webhook-events-error" : undefined}>
            <legend className="text-sm font-semibold">{t("events")}</legend>
            <ul className="mt-1 grid gap-2 sm:grid-cols-2">
              {WEBHOOK_EVENTS.map((event) => (
                <li key={event} className="flex items-start gap-2">
                  <input
                    id={`webhook-event-${event}`}
                    type="checkbox"
                    name="events"
                    value={event}
                    aria-describedby={`webhook-event-${event}-hint`}
                    className="mt-1 size-4"
                  />
                  <div className="text-sm">
                    <label htmlFor={`webhook-event-${event}`} className="font-mono font-semibold">
                      {event}
                    </label>
                    <p id={`webhook-event-${event}-hint`} className="text-muted">
                      {t(`eventHints.${event}`)}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
            <FieldError id="webhook-events" message={fieldErrors.events} />
          </fieldset>
        </>
      }
    >
      {secret && (
        <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">
            {secret.rotated
              ? t("rotated", { url: secret.endpoint.url })
              : t("created", { url: secret.endpoint.url })}
          </p>
          <output aria-label={t("newSecret")} className="mt-2 block break-all font-mono">
            {secret.endpoint.secret}
          </output>
          {secret.rotated && secret.endpoint.previousSecretExpiresAt && (
            <p className="mt-2">
              {t.rich("previousSecret", { time: () => <LocalTime dateTime={secret.endpoint.previousSecretExpiresAt!} /> })}
            </p>
          )}
        </div>
      )}
      {endpoints.error && (
        <p role="alert" className="text-sm text-red-800">
          {endpoints.error.message}
        </p>
      )}
      {endpoints.data?.length === 0 && <p className="text-sm text-muted">{t("empty")}</p>}
      <ul aria-label={t("list")} className="space-y-3">
        {endpoints.data?.map((endpoint) => (
          <EndpointItem
            key={endpoint.id}
            endpoint={endpoint}
            pending={update.isPending || rotate.isPending || remove.isPending}
            onStatus={(status) => update.mutate({ id: endpoint.id, status })}
            onRotate={() => rotate.mutate(endpoint.id)}
            onDelete={() => remove.mutate(endpoint.id)}
          />
        ))}
      </ul>
    </AdminSection>
  );
}

function EndpointItem({
  endpoint,
  pending,
  onStatus,
  onRotate,
  onDelete,
}: {
  endpoint: WebhookEndpoint;
  pending: boolean;
  onStatus: (status: "active" | "paused") => void;
  onRotate: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("StaffAdmin.webhooks");
  const [confirming, setConfirming] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const logId = useId();
  const { url } = endpoint;
  // Paused or disabled, an endpoint receives nothing: said loudly, with the desk's reason when it did it.
  const stoppedHint = endpoint.status === "active" ? null : t(`stoppedHint.${endpoint.status}`);

  return (
    <li className="space-y-2 rounded-lg border border-slate-300 bg-white p-3 text-sm">
      <p className="break-all font-mono font-semibold">{url}</p>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p>
        {t("eventsOf")} <span className="font-mono">{endpoint.events.join(", ")}</span>
      </p>
      <p className={stoppedHint ? "rounded-lg bg-amber-50 px-2 py-1 font-semibold text-amber-900" : ""}>
        {t("statusLine", { status: t(`status.${endpoint.status}`) })}
        {endpoint.statusReason && ` — ${endpoint.statusReason}`}
        {stoppedHint && ` ${stoppedHint}`}
      </p>
      <p className={endpoint.consecutiveFailures > 0 ? "font-semibold text-red-800" : "text-muted"}>
        {t("failures", { count: endpoint.consecutiveFailures })}
      </p>
      <div className="flex flex-wrap gap-2">
        {endpoint.status === "active" ? (
          <Button variant="secondary" disabled={pending} onClick={() => onStatus("paused")} aria-label={t("pauseFor", { url })}>
            {t("pause")}
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => onStatus("active")} aria-label={t("resumeFor", { url })}>
            {t("resume")}
          </Button>
        )}
        <Button variant="secondary" disabled={pending} onClick={onRotate} aria-label={t("rotateFor", { url })}>
          {t("rotate")}
        </Button>
        <Button
          variant="secondary"
          aria-expanded={logOpen}
          aria-controls={logId}
          onClick={() => setLogOpen((open) => !open)}
          aria-label={t("deliveries.toggleFor", { url })}
        >
          {t("deliveries.toggle")}
        </Button>
        {!confirming && (
          <Button variant="danger" disabled={pending} onClick={() => setConfirming(true)} aria-label={t("deleteFor", { url })}>
            {t("delete")}
          </Button>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label={t("deleteFor", { url })} className="space-y-2 rounded-lg bg-amber-50 p-3">
          <p>{t("deleteWarning", { url })}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" disabled={pending} onClick={onDelete}>
              {t("deleteConfirm")}
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      <div id={logId}>{logOpen && <DeliveryLog endpoint={endpoint} />}</div>
    </li>
  );
}

/** The endpoint's latest deliveries, newest first, each with what the receiver last answered and a replay. */
function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const t = useTranslations("StaffAdmin.webhooks.deliveries");
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: deliveriesKey(endpoint.id),
    queryFn: () => fetchWebhookDeliveries(endpoint.id, DELIVERY_LOG_LIMIT),
    refetchInterval: (query) => (query.state.data?.some((delivery) => delivery.status === "pending") ? PENDING_REFRESH_MS : false),
  });
  const replay = useMutation({
    mutationFn: (deliveryId: number) => replayWebhookDelivery(endpoint.id, deliveryId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(endpoint.id) }),
  });
  const none = t("none");

  return (
    <div className="space-y-2 pt-2">
      {deliveries.error && (
        <p role="alert" className="text-red-800">
          {deliveries.error.message}
        </p>
      )}
      {replay.error && (
        <p role="alert" className="text-red-800">
          {t("replayFailed", { error: replay.error.message })}
        </p>
      )}
      {replay.isSuccess && <p role="status">{t("replayed")}</p>}
      {deliveries.data?.length === 0 && <p className="text-muted">{t("empty")}</p>}
      {!!deliveries.data?.length && (
        <div className="overflow-x-auto">
          <AdminTable
            caption={t("caption", { url: endpoint.url })}
            columns={[
              t("columns.event"),
              t("columns.status"),
              t("columns.attempts"),
              t("columns.response"),
              t("columns.duration"),
              t("columns.when"),
              t("columns.detail"),
              t("columns.action"),
            ]}
          >
            {deliveries.data.map((delivery) => {
              const body = delivery.lastResponseBody;
              return (
                <tr key={delivery.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 font-mono">{delivery.eventType}</td>
                  <td className="px-3 py-2">
                    {t(`status.${delivery.status}`)}
                    {delivery.status === "pending" && delivery.nextAttemptAt && (
                      <span className="block text-muted">
                        {t.rich("nextAttempt", { time: () => <LocalTime dateTime={delivery.nextAttemptAt!} /> })}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">{delivery.attempts}</td>
                  <td className="px-3 py-2">{delivery.lastStatusCode ?? none}</td>
                  <td className="px-3 py-2">{delivery.lastDurationMs === null ? none : t("durationMs", { ms: delivery.lastDurationMs })}</td>
                  <td className="px-3 py-2">
                    <LocalTime dateTime={delivery.createdAt} options={{ dateStyle: "short", timeStyle: "medium" }} />
                  </td>
                  <td className="max-w-xs px-3 py-2 break-all">
                    {delivery.lastError && <span className="block text-red-800">{delivery.lastError}</span>}
                    {body && (
                      <code className="block text-xs">{body.length > BODY_PREVIEW ? `${body.slice(0, BODY_PREVIEW)}…` : body}</code>
                    )}
                    {!delivery.lastError && !body && none}
                  </td>
                  <td className="px-3 py-2">
                    <Button
                      variant="secondary"
                      disabled={replay.isPending}
                      onClick={() => replay.mutate(delivery.id)}
                      aria-label={t("replayFor", { id: delivery.id, event: delivery.eventType })}
                    >
                      {t("replay")}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </AdminTable>
        </div>
      )}
    </div>
  );
}
