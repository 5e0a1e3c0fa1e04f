"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

/** How often the queue and an open ticket ask the server for other agents' moves. */
export const REFRESH_MS = 5_000;

export function QueryProvider({ children }: { children: React.ReactNode }) {
  // staleTime above 0: the server-rendered first page is fresh on arrival, not fetched again at once.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: REFRESH_MS - 1_000, retry: 1 } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
