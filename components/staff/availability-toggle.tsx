"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateStaffAvailability } from "./staff-api";

/** The signed-in agent's own switch: while on, round robin gives them new tickets. */
export function AvailabilityToggle({ initiallyAvailable }: { initiallyAvailable: boolean }) {
  const t = useTranslations("StaffDesk.availability");
  const [available, setAvailable] = useState(initiallyAvailable);
  const change = useMutation({
    mutationFn: updateStaffAvailability,
    onSuccess: (profile) => setAvailable(profile.available),
  });
  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          role="switch"
          checked={available}
          disabled={change.isPending}
          onChange={(event) => change.mutate(event.currentTarget.checked)}
          className="h-4 w-4 accent-brand-700"
        />
        {t("label")}
      </label>
      {change.error && (
        <p role="alert" className="text-red-800">
          {t("failed", { error: change.error.message })}
        </p>
      )}
    </div>
  );
}
