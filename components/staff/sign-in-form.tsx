"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignInForm() {
  const t = useTranslations("StaffSignIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function failureMessage(status: number, retryAfter: string | null): string {
    if (status === 401) return t("wrongPassword");
    if (status === 403) return t("disabled");
    if (status === 503) return t("paused");
    if (status === 429) {
      const seconds = Number(retryAfter);
      return t("tooMany", { seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 0 });
    }
    return t("failed");
  }

  async function signIn(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (response.ok) {
        window.location.replace("/staff"); // a full load, so the layout reads the new session
        return;
      }
      setError(failureMessage(response.status, response.headers.get("retry-after")));
    } catch {
      setError(t("offline"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={signIn} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-semibold">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded-lg border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded-lg border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
