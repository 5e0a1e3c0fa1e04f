"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchAnswer } from "@/lib/api-client/answer";
import { ApiProblem } from "@/lib/api-client/problem";
import { describedBy, FieldError, inputClasses } from "@/components/ui/field";
import { STAFF_PASSWORD } from "@/lib/staff/schemas";

type FieldName = "currentPassword" | "newPassword";

export function ChangePasswordForm() {
  const t = useTranslations("StaffPassword");
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function changePassword(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      await fetchAnswer("/api/auth/change-password", {
        method: "POST",
        body: JSON.stringify({
          currentPassword: form.get("currentPassword"),
          newPassword: form.get("newPassword"),
          revokeOtherSessions: true,
        }),
      });
      window.location.replace("/staff"); // a full load, so the layout reads the changed account
      return;
    } catch (error) {
      if (!(error instanceof ApiProblem)) {
        setFormError(t("offline"));
      } else if (error.errors.length > 0) {
        // Our checks answer problem+json naming fields.
        setErrors(Object.fromEntries(error.errors.map(({ path, message }) => [path, message])));
      } else if (error.status === 400) {
        setErrors({ currentPassword: t("wrongCurrent") }); // better-auth's INVALID_PASSWORD
      } else {
        setFormError(error.detail ?? t("failed"));
      }
    }
    setPending(false);
  }

  return (
    <form onSubmit={changePassword} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="currentPassword" className="block text-sm font-semibold">
          {t("current")}
        </label>
        <input
          {...describedBy("currentPassword", { error: errors.currentPassword })}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          className={`mt-1 ${inputClasses}`}
        />
        <FieldError id="currentPassword" message={errors.currentPassword} />
      </div>
      <div>
        <label htmlFor="newPassword" className="block text-sm font-semibold">
          {t("new")}
        </label>
        <input
          {...describedBy("newPassword", { error: errors.newPassword })}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={STAFF_PASSWORD.min}
          maxLength={STAFF_PASSWORD.max}
          required
          className={`mt-1 ${inputClasses}`}
        />
        <FieldError id="newPassword" message={errors.newPassword} />
      </div>
      {formError && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {formError}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
