"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { issueTrackingLink } from "./staff-api";

/**
 * "Issue a new private link", for when a requester's link was shared or leaked. Asks first, because the
 * requester's current link stops working; then shows the new one once, for the agent to pass on.
 */
export function IssueTrackingLink({ ticketId }: { ticketId: number }) {
  const t = useTranslations("StaffTrackingLink");
  const [confirming, setConfirming] = useState(false);
  const issue = useMutation({ mutationFn: () => issueTrackingLink(ticketId), onSettled: () => setConfirming(false) });

  return (
    <section aria-labelledby="tracking-link-heading" className="space-y-2">
      <h2 id="tracking-link-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      {confirming ? (
        <div role="group" aria-label={t("confirmGroup")} className="space-y-2 rounded-lg bg-amber-50 p-3 text-sm">
          <p>{t("warning")}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" disabled={issue.isPending} onClick={() => issue.mutate()}>
              {t("confirm")}
            </Button>
            <Button variant="secondary" disabled={issue.isPending} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t("issue")}
        </Button>
      )}
      {issue.isError && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {t("failed", { error: issue.error.message })}
        </p>
      )}
      {issue.data && (
        <div role="status" className="space-y-1 text-sm">
          <p>{t("issued")}</p>
          <p className="rounded-lg border border-slate-300 bg-white p-2 font-mono break-all">{issue.data.trackingUrl}</p>
        </div>
      )}
    </section>
  );
}
