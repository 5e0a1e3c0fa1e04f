"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export interface Shortcut {
  key: string;
  description: string;
  run: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName))
  );
}

/** Single-key shortcuts (ignored while typing in a field) plus `?`, which opens the list of them. */
export function KeyboardShortcuts({
  shortcuts,
  alsoListed = [],
}: {
  shortcuts: Shortcut[];
  /** Keys the browser already handles (Enter on a focused link), listed in the help for completeness. */
  alsoListed?: Array<Omit<Shortcut, "run">>;
}) {
  const t = useTranslations("StaffShortcuts");
  const [helpOpen, setHelpOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      const shortcut = latest.current.find((candidate) => candidate.key === event.key);
      if (!shortcut || dialog.current?.open) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  useEffect(() => {
    if (helpOpen && !dialog.current?.open) dialog.current?.showModal();
  }, [helpOpen]);

  return (
    <>
      <p className="text-sm text-muted">
        {t.rich("hint", { key: (chunks) => <kbd className="rounded border border-slate-400 bg-white px-1">{chunks}</kbd> })}
      </p>
      <dialog
        ref={dialog}
        aria-labelledby="shortcut-help-title"
        onClose={() => setHelpOpen(false)}
        className="m-auto w-full max-w-md rounded-xl bg-white p-6 shadow-xl backdrop:bg-black/40"
      >
        <h2 id="shortcut-help-title" className="text-lg font-bold">
          {t("title")}
        </h2>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {[...shortcuts, ...alsoListed, { key: "?", description: t("help") }].map((shortcut) => (
            <div key={shortcut.key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-400 bg-sand-50 px-1.5 font-mono">{shortcut.key}</kbd>
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-6 text-right">
          <Button type="submit">{t("close")}</Button>
        </form>
      </dialog>
    </>
  );
}
