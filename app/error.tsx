"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { usePageStrings } from "@/lib/i18n/page-strings";

/** What a page that failed to render shows instead; the server has logged the error. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = usePageStrings("Error");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="mx-auto max-w-3xl px-4 py-12">
      <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold text-brand-800">
        {t("title")}
      </h1>
      <p className="mt-3 text-muted">{t("text")}</p>
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
