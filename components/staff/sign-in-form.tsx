"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

const MESSAGES: Record<number, string> = {
  401: "Wrong email or password.",
  403: "This account is disabled. Ask an admin for help.",
};

function failureMessage(status: number, retryAfter: string | null): string {
  if (status === 503) return "Sign-in is paused for a moment on our side. Try again shortly.";
  if (status === 429) {
    const seconds = Number(retryAfter);
    return `Too many sign-in attempts. Wait ${Number.isFinite(seconds) && seconds > 0 ? `${seconds} seconds` : "a minute"} and try again.`;
  }
  return MESSAGES[status] ?? "Sign-in failed; please try again.";
}

export function SignInForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

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
      setError("The server cannot be reached; check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={signIn} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-semibold">
          Email
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
          Password
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
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
