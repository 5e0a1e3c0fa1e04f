"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { UpdateWebhookInput, WebhookEndpoint, webhookWithSecretSchema } from "@/lib/webhooks/schemas";
import { AdminSection } from "./admin-section";
import { createWebhook, deleteWebhook, fetchWebhooks, rotateWebhookSecret, updateWebhook } from "./staff-api";
import { DeliveryLog } from "./webhook-deliveries";
import { readWebhookFields, WebhookFields, webhookFieldErrors } from "./webhook-fields";

const WEBHOOKS_KEY = ["admin", "webhooks"] as const;

type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

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
    mutationFn: ({ id, changes }: { id: number; changes: UpdateWebhookInput }) => updateWebhook(id, changes),
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

  const created = webhookFieldErrors(create.error);
  // Field errors show at their fields; the alert then only says to look there.
  const createError = create.error && (created.allPlaced ? new Error(t("fixFields")) : create.error);

  return (
    <AdminSection
      headingId="webhooks-heading"
      title={t("title")}
      intro={t.rich("intro", { docs: (chunks) => <a href="/docs/api" className="font-semibold text-brand-700 underline">{chunks}</a> })}
      createLabel={t("create")}
      pending={create.isPending}
      errors={[createError, rotate.error, remove.error]}
      onCreate={(data, reset) => {
        create.mutate(readWebhookFields(data), { onSuccess: reset });
      }}
      fields={<WebhookFields idPrefix="webhook" errors={created.errors} />}
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
            onUpdate={(changes, onSuccess) => update.mutate({ id: endpoint.id, changes }, { onSuccess })}
            updateError={update.variables?.id === endpoint.id ? update.error : null}
            onDismissUpdateError={update.reset}
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
  onUpdate,
  updateError,
  onDismissUpdateError,
  onRotate,
  onDelete,
}: {
  endpoint: WebhookEndpoint;
  pending: boolean;
  onUpdate: (changes: UpdateWebhookInput, onSuccess?: () => void) => void;
  /** The last update's failure, when it was this endpoint's. */
  updateError: Error | null;
  onDismissUpdateError: () => void;
  onRotate: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("StaffAdmin.webhooks");
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const logId = useId();
  const { url } = endpoint;
  // Paused or disabled, an endpoint receives nothing: said loudly, with the desk's reason when it did it.
  const stoppedHint = endpoint.status === "active" ? null : t(`stoppedHint.${endpoint.status}`);
  const edited = webhookFieldErrors(updateError);
  // In the form, errors show at their fields; the alert says what none of them shows.
  const unplacedError = updateError && !(editing && edited.allPlaced) ? updateError : null;

  if (editing) {
    return (
      <li className="rounded-lg border border-slate-300 bg-white p-3 text-sm">
        <form
          aria-label={t("editFor", { url })}
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            onUpdate(readWebhookFields(new FormData(event.currentTarget)), () => setEditing(false));
          }}
        >
          <WebhookFields idPrefix={`webhook-${endpoint.id}`} endpoint={endpoint} errors={edited.errors} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending}>
              {t("save")}
            </Button>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => {
                setEditing(false);
                onDismissUpdateError();
              }}
            >
              {t("cancel")}
            </Button>
          </div>
          {unplacedError && (
            <p role="alert" className="basis-full text-red-800">
              {unplacedError.message}
            </p>
          )}
        </form>
      </li>
    );
  }

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
      {unplacedError && (
        <p role="alert" className="text-red-800">
          {unplacedError.message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => setEditing(true)} aria-label={t("editFor", { url })}>
          {t("edit")}
        </Button>
        {endpoint.status === "active" ? (
          <Button variant="secondary" disabled={pending} onClick={() => onUpdate({ status: "paused" })} aria-label={t("pauseFor", { url })}>
            {t("pause")}
          </Button>
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => onUpdate({ status: "active" })} aria-label={t("resumeFor", { url })}>
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
