"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { WebhookEndpoint } from "@/lib/webhooks/schemas";
import { AdminTable } from "./admin-section";
import { fetchWebhookDeliveries, replayWebhookDelivery } from "./staff-api";

const DELIVERY_LOG_LIMIT = 20;
/** How often an open log looks again while a delivery is still being tried. */
const PENDING_REFRESH_MS = 10_000;
const BODY_PREVIEW = 200;

export const webhookDeliveriesKey = (id: number) => ["admin", "webhooks", id, "deliveries"] as const;

/** The endpoint's latest deliveries, newest first, each with what the receiver last answered and a replay. */
export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const t = useTranslations("StaffAdmin.webhooks.deliveries");
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: webhookDeliveriesKey(endpoint.id),
    queryFn: () => fetchWebhookDeliveries(endpoint.id, DELIVERY_LOG_LIMIT),
    refetchInterval: (query) => (query.state.data?.some((delivery) => delivery.status === "pending") ? PENDING_REFRESH_MS : false),
  });
  const replay = useMutation({
    mutationFn: (deliveryId: number) => replayWebhookDelivery(endpoint.id, deliveryId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookDeliveriesKey(endpoint.id) }),
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
