import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED_MOVES, type TicketStatus } from "@/lib/tickets/workflow";
import { AppProcess, type Backend, type BackendName, prepareBackend, seedTicket } from "./app-process";

interface Outcome {
  kind: "requester" | "agent" | "note" | "move";
  status: number;
  body?: string;
  messageId?: number;
}

/** Every status a ticket can reach from `open` by the workflow table's moves. */
function reachableFromOpen(): Set<TicketStatus> {
  const reached = new Set<TicketStatus>(["open"]);
  for (const status of reached) ALLOWED_MOVES[status].forEach((next) => reached.add(next));
  return reached;
}

describe.each<BackendName>(["PGlite", "PostgreSQL"])("a busy conversation on %s", (name) => {
  let backend: Backend;
  let app: AppProcess;
  const token = () => ({ authorization: `Bearer ${backend.token}` });

  beforeAll(async () => {
    backend = await prepareBackend(name);
    app = await AppProcess.start(backend.env);
  });
  afterAll(async () => {
    await app.stop();
    await backend.cleanup();
  });

  it("44 requests at once on one ticket (replies, retried replies, notes, 'send and resolve', moves): every acknowledged message kept once, the history a legal chain", async () => {
    const created = await fetch(`${app.baseURL}/api/support-tickets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(seedTicket(`conversation-${randomUUID().slice(0, 8)}`, 0)),
    });
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as { id: number; trackingUrl: string };
    const key = { "x-tracking-key": new URL(ticket.trackingUrl).searchParams.get("key")! };
    const url = `${app.baseURL}/api/support-tickets/${ticket.id}`;

    const message = (kind: Outcome["kind"], headers: Record<string, string>, json: Record<string, unknown>): Promise<Outcome> =>
      fetch(`${url}/messages`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(json) }).then(
        async (response) => {
          const answer = (await response.json()) as { id?: number };
          return { kind, status: response.status, body: json.body as string, messageId: response.status === 201 ? answer.id : undefined };
        },
      );
    const move = (to: TicketStatus): Promise<Outcome> =>
      fetch(url, { method: "PATCH", headers: { ...token(), "content-type": "application/json" }, body: JSON.stringify({ status: to }) }).then(
        async (response) => {
          await response.arrayBuffer();
          return { kind: "move", status: response.status };
        },
      );

    // Requests 0, 1, 6 and 7 are a requester's, each sent twice with one Idempotency-Key: a double-clicked "Send".
    const retried = new Map([0, 1, 6, 7].map((index) => [index, randomUUID()]));
    const requests = Array.from({ length: 40 }, (_, index): Promise<Outcome> => {
      const body = `Message ${index} of the race`;
      switch (index % 6) {
        case 0:
        case 1:
          return message("requester", { ...key, "idempotency-key": retried.get(index) ?? randomUUID() }, { body });
        case 2:
          return message("agent", token(), { body });
        case 3:
          // "Send and resolve", half of them from an agent who loaded the ticket at its first version.
          return message("agent", index % 4 === 3 ? { ...token(), "if-match": '"v1"' } : token(), { body, status: "resolved" });
        case 4:
          return message("note", token(), { body, kind: "note" });
        default:
          return move((["in_progress", "open", "resolved"] as const)[index % 3]!);
      }
    });
    for (const [index, idempotencyKey] of retried) {
      requests.push(message("requester", { ...key, "idempotency-key": idempotencyKey }, { body: `Message ${index} of the race` }));
    }
    const outcomes = await Promise.all(requests);

    for (const outcome of outcomes) expect([200, 201, 409, 412], `${outcome.kind}: ${outcome.status}`).toContain(outcome.status);
    const acknowledged = outcomes.filter((outcome) => outcome.status === 201);
    expect(acknowledged.length).toBeGreaterThan(0);

    const messages = (await (await fetch(`${url}/messages`, { headers: token() })).json()) as Array<{ id: number; body: string }>;
    const stored = new Map(messages.map((stored) => [stored.id, stored.body]));
    expect(stored.size).toBe(messages.length);
    for (const outcome of acknowledged) expect(stored.get(outcome.messageId!), `message ${outcome.messageId}`).toBe(outcome.body);
    // Nothing refused was stored, and a retried message is there once: the first message and the acknowledged ones only.
    const acknowledgedIds = new Set(acknowledged.map((outcome) => outcome.messageId));
    expect(messages.slice(1).map((stored) => stored.id).sort((a, b) => a - b)).toEqual([...acknowledgedIds].sort((a, b) => a! - b!));

    const final = await fetch(url, { headers: token() });
    const { status } = (await final.json()) as { status: TicketStatus };
    // Every message and every applied move was one version: none overwrote another.
    const moves = outcomes.filter((outcome) => outcome.kind === "move" && outcome.status === 200).length;
    expect(final.headers.get("etag")).toBe(`"v${1 + acknowledgedIds.size + moves}"`);
    expect(reachableFromOpen()).toContain(status);

    const events = (await (await fetch(`${url}/events`, { headers: token() })).json()) as Array<{ type: string; fromValue: string | null; toValue: string | null }>;
    const changes = events.filter((event) => event.type === "status_changed");
    let previous: string = "open";
    for (const change of changes) {
      expect(change.fromValue, `${change.fromValue} → ${change.toValue} after ${previous}`).toBe(previous);
      expect(ALLOWED_MOVES[previous as TicketStatus]).toContain(change.toValue);
      previous = change.toValue!;
    }
    expect(previous).toBe(status);
    expect(events.filter((event) => event.type === "message_added")).toHaveLength(acknowledgedIds.size);
  });
});
