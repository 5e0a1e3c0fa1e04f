import { expect, inject } from "vitest";
import type { Ticket } from "@/lib/tickets/schemas";
import { type Contract, createContract } from "../support/openapi-contract";

export const baseURL = inject("baseURL");
export const token = inject("token");
export const auth = { authorization: `Bearer ${token}` };

let contract: Promise<Contract> | undefined;

/** The app's own OpenAPI document, fetched once per test file. */
export function appContract(): Promise<Contract> {
  contract ??= fetch(`${baseURL}/api/openapi.json`).then(async (response) => {
    if (response.status !== 200) throw new Error(`GET /api/openapi.json answered ${response.status}`);
    return createContract(await response.json());
  });
  return contract;
}

/**
 * Every request the suite makes goes through here: the answer must match the OpenAPI document
 * (documented status, body schema without unknown fields, required headers), or the test fails.
 * `path` is relative to the app, or an absolute URL (e.g. a `Link` header's next page).
 */
export async function api(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, headers, ...rest } = init;
  const url = path.startsWith("http") ? path : `${baseURL}${path}`;
  const response = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined && { "content-type": "application/json" }), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  await (await appContract()).check(rest.method ?? "GET", url, response);
  return response;
}

let sequence = 0;
/** A unique email per call, so a test can find exactly its own tickets with the `email` filter. */
export function uniqueEmail(label = "t"): string {
  return `${label}.${process.pid}.${Date.now()}.${++sequence}@example.com`;
}

export function ticketBody(overrides: Record<string, unknown> = {}) {
  return {
    roleContext: "tourist",
    fullName: "Ana Martinez",
    email: uniqueEmail(),
    subject: "Question about tour cancellation",
    category: "General Inquiry",
    message: "What is your cancellation policy for tours booked less than 24 hours in advance?",
    ...overrides,
  };
}

/** A ticket as the API returns it; a create answer also carries the private `trackingUrl`. */
export type TicketJson = Ticket & { trackingUrl?: string };

/** Files a ticket (as an API client when `asToken`, which may set status and dates) and returns it. */
export async function createTicket(overrides: Record<string, unknown> = {}, asToken = false): Promise<TicketJson> {
  const response = await api("/api/support-tickets", {
    method: "POST",
    json: ticketBody(overrides),
    headers: asToken ? auth : {},
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TicketJson;
}

export async function listByEmail(email: string): Promise<TicketJson[]> {
  const response = await api(`/api/support-tickets?email=${encodeURIComponent(email)}&limit=100`, { headers: auth });
  return (await response.json()) as TicketJson[];
}

export async function expectProblem(response: Response, status: number): Promise<{ title: string; detail: string; errors?: Array<{ path: string; message: string }> }> {
  const body = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${body}`);
  if (!response.headers.get("content-type")?.startsWith("application/problem+json")) {
    throw new Error(`expected problem+json, got ${response.headers.get("content-type")}`);
  }
  const problem = JSON.parse(body);
  for (const field of ["type", "title", "status", "detail"]) {
    if (!(field in problem)) throw new Error(`problem body lacks ${field}: ${body}`);
  }
  if (problem.status !== status) throw new Error(`problem.status ${problem.status} ≠ ${status}`);
  return problem;
}

export const admin = inject("admin");

/** Signs in through better-auth like the sign-in page does and returns the session cookie (name=value). */
export async function signIn(
  credentials: { email: string; password: string },
  base = baseURL,
): Promise<{ response: Response; cookie: string }> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(credentials),
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { response, cookie };
}

/** Headers of a same-origin browser request carrying the staff session cookie. */
export function sessionHeaders(cookie: string): Record<string, string> {
  return { cookie, origin: baseURL };
}

/** A new agent account of a test's own, created by an admin through the admin API. */
export async function createAgent(
  adminCookie: string,
  label = "agent",
): Promise<{ id: string; name: string; email: string; password: string }> {
  const credentials = { email: uniqueEmail(label), password: "agent-password-1" };
  const response = await api("/api/admin/staff-accounts", {
    method: "POST",
    headers: sessionHeaders(adminCookie),
    json: { ...credentials, role: "agent" },
  });
  expect(response.status).toBe(201);
  const { id, name } = (await response.json()) as { id: string; name: string };
  return { id, name, ...credentials };
}
