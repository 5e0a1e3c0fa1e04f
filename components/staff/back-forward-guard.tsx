"use client";

import { useEffect } from "react";

/**
 * A page restored from the back/forward cache shows what it showed before, even after sign-out.
 * Reloading it asks the server again, which sends a signed-out browser to the sign-in page.
 */
export function BackForwardGuard() {
  useEffect(() => {
    const reloadIfRestored = (event: PageTransitionEvent) => {
      if (event.persisted) window.location.reload();
    };
    window.addEventListener("pageshow", reloadIfRestored);
    return () => window.removeEventListener("pageshow", reloadIfRestored);
  }, []);
  return null;
}
