import { describe, expect, it } from "vitest";
import { api, expectProblem, listByEmail, ticketBody, uniqueEmail } from "./client";

const LOOKS_AUTOMATED = "We could not accept this ticket. Please wait a few seconds and send it again.";

function multipart(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe("the submit form's spam signals on POST /api/support-tickets", () => {
  it.each([
    ["a filled honeypot", { website: "https://spam.example" }],
    ["a form sent faster than a person can fill it", { formFillMs: 800 }],
  ])("refuses %s with one generic 422 and files nothing", async (_case, signals) => {
    const body = ticketBody({ email: uniqueEmail("spam"), ...signals });
    const problem = await expectProblem(await api("/api/support-tickets", { method: "POST", json: body }), 422);
    expect(problem.errors).toEqual([{ path: "", message: LOOKS_AUTOMATED, code: "looks_automated" }]);
    expect(await listByEmail(body.email as string)).toEqual([]);
  });

  it("refuses the same signals sent as multipart text parts", async () => {
    const fields = { ...ticketBody({ email: uniqueEmail("spam-multipart") }), formFillMs: "1200", website: "" };
    const response = await api("/api/support-tickets", { method: "POST", body: multipart(fields as Record<string, string>) });
    expect((await expectProblem(response, 422)).detail).toBe(LOOKS_AUTOMATED);
    expect(await listByEmail(fields.email as string)).toEqual([]);
  });

  it("files the ticket when the honeypot is empty and the form was open long enough", async () => {
    const fields = { ...ticketBody({ email: uniqueEmail("human") }), website: "", formFillMs: "4200" };
    const response = await api("/api/support-tickets", { method: "POST", body: multipart(fields as Record<string, string>) });
    expect(response.status).toBe(201);
    expect(await listByEmail(fields.email as string)).toHaveLength(1);
  });

  it("does not check API clients that leave the signals out", async () => {
    const response = await api("/api/support-tickets", { method: "POST", json: ticketBody() });
    expect(response.status).toBe(201);
  });
});
