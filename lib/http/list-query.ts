import "server-only";
import { type ListTicketsQuery, listTicketsQuery } from "@/lib/tickets/schemas";
import { env } from "@/lib/env";

/** Reads the list filters from a query string; `status` and `priority` may repeat, every other parameter is single. */
export function listQueryFromUrl(url: URL): ListTicketsQuery {
  const raw: Record<string, unknown> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    raw[name] = name === "status" || name === "priority" ? values : values.length === 1 ? values[0] : values;
  }
  return listTicketsQuery.parse(raw);
}

export function nextPageLink(url: URL, cursor: string): string {
  const next = new URL(`${env.APP_URL}${url.pathname}`);
  for (const [name, value] of url.searchParams) if (name !== "cursor") next.searchParams.append(name, value);
  next.searchParams.set("cursor", cursor);
  return `<${next.toString()}>; rel="next"`;
}
