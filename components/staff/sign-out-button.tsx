"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("StaffDesk");
  const queryClient = useQueryClient();

  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    queryClient.clear();
    // A full load (not a client navigation) so no ticket data stays in memory.
    window.location.replace("/staff/login");
  }

  return (
    <Button variant="secondary" onClick={signOut}>
      {t("signOut")}
    </Button>
  );
}
