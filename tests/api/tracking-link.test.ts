import { describe, expect, it } from "vitest";
import { admin, api, auth, baseURL, expectProblem, sessionHeaders, signIn, type TicketJson, ticketBody } from "./client";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f80f00000101000518d84e0000000049454e44ae426082",
  "hex",
);

/** A ticket with one file, filed anonymously, and its first private key. */
async function fileTicketWithFile(): Promise<{ ticket: TicketJson; key: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticketBody())) form.append(name, value);
  form.append("attachments", new Blob([new Uint8Array(PNG)]), "screenshot.png");
  const response = await api("/api/support-tickets", { method: "POST", body: form });
  expect(response.status).toBe(201);
  const ticket = (await response.json()) as TicketJson;
  return { ticket, key: new URL(ticket.trackingUrl!).searchParams.get("key")! };
}

/** The status of each way a requester's key opens a ticket: the API, its history, a file, the tracking page. */
async function whatOpens(ticket: TicketJson, key: string): Promise<number[]> {
  const keyHeader = { "x-tracking-key": key };
  return [
    (await api(`/api/support-tickets/${ticket.id}`, { headers: keyHeader })).status,
    (await api(`/api/support-tickets/${ticket.id}/events?key=${key}`)).status,
    (await fetch(`${ticket.attachments[0]!.fileUrl}?key=${key}`)).status,
    (await fetch(`${baseURL}/support/tickets/${ticket.id}?key=${key}`)).status,
  ];
}

async function issueLink(ticketId: number, headers: Record<string, string>): Promise<Response> {
  return api(`/api/support-tickets/${ticketId}/tracking-link`, { method: "POST", headers });
}

describe("a new private link", () => {
  it("replaces the requester's link: the old key answers 404 everywhere, the new one opens the ticket", async () => {
    const { ticket, key: oldKey } = await fileTicketWithFile();
    expect(await whatOpens(ticket, oldKey)).toEqual([200, 200, 200, 200]);

    const response = await issueLink(ticket.id, auth);
    expect(response.status).toBe(200);
    const { trackingUrl } = (await response.json()) as { trackingUrl: string };
    expect(trackingUrl).toMatch(new RegExp(`^${baseURL}/support/tickets/${ticket.id}\\?key=[\\w-]{43}$`));
    const newKey = new URL(trackingUrl).searchParams.get("key")!;
    expect(newKey).not.toBe(oldKey);

    expect(await whatOpens(ticket, oldKey)).toEqual([404, 404, 404, 404]);
    expect(await whatOpens(ticket, newKey)).toEqual([200, 200, 200, 200]);

    // A third link retires the second one too.
    const third = (await (await issueLink(ticket.id, auth)).json()) as { trackingUrl: string };
    expect(await whatOpens(ticket, newKey)).toEqual([404, 404, 404, 404]);
    expect(await whatOpens(ticket, new URL(third.trackingUrl).searchParams.get("key")!)).toEqual([200, 200, 200, 200]);
  });

  it("can be issued by signed-in staff, but not by the requester or anyone else", async () => {
    const { ticket, key } = await fileTicketWithFile();
    await expectProblem(await issueLink(ticket.id, {}), 401);
    await expectProblem(await issueLink(ticket.id, { "x-tracking-key": key }), 401);
    expect(await whatOpens(ticket, key)).toEqual([200, 200, 200, 200]);

    const { cookie } = await signIn(admin);
    expect((await issueLink(ticket.id, sessionHeaders(cookie))).status).toBe(200);
    // Admins see who issued it, and from where, in the audit log.
    const log = (await (await api("/api/admin/audit-log?limit=100", { headers: { cookie } })).json()) as Array<Record<string, unknown>>;
    expect(log.find((entry) => entry.target === `ticket:${ticket.id}`)).toMatchObject({
      action: "ticket.tracking_link_issued",
      actor: `staff:${admin.email}`,
      ipAddress: "127.0.0.1",
    });
    // A signed-in write from another site is refused (CSRF).
    await expectProblem(await issueLink(ticket.id, { cookie, origin: "https://elsewhere.example" }), 403);
  });

  it("answers 404 for a ticket that does not exist", async () => {
    await expectProblem(await issueLink(2_000_000_000, auth), 404);
    await expectProblem(await issueLink(0, auth), 404);
  });
});
