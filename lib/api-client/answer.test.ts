import { afterEach, describe, expect, it, vi } from "vitest";
import { ticketCountsSchema } from "@/lib/tickets/schemas";
import { fetchAnswer, parseAnswer, UnexpectedAnswerError } from "./answer";
import { ApiProblem } from "./problem";

function answerWith(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchAnswer", () => {
  it("returns a success's status, headers and JSON body, sending JSON bodies as JSON with the session cookie", async () => {
    const fetchMock = answerWith(Response.json({ id: 1 }, { status: 201, headers: { etag: '"v1"' } }));
    const answer = await fetchAnswer("/api/support-tickets", { method: "POST", body: "{}" });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("etag")).toBe('"v1"');
    expect(answer.body).toEqual({ id: 1 });
    expect(fetchMock).toHaveBeenCalledWith("/api/support-tickets", {
      method: "POST",
      body: "{}",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "application/json" },
    });
  });

  it("reads an empty success (204) as a null body", async () => {
    answerWith(new Response(null, { status: 204 }));
    expect((await fetchAnswer("/api/admin/api-tokens/3", { method: "DELETE" })).body).toBeNull();
  });

  it("throws a failure's problem, field errors included", async () => {
    const problem = { title: "Validation failed", status: 422, detail: "name: Name is required", errors: [{ path: "name", message: "Name is required" }] };
    answerWith(Response.json(problem, { status: 422, headers: { "content-type": "application/problem+json" } }));
    const thrown = await fetchAnswer("/api/admin/api-tokens", { method: "POST", body: "{}" }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(ApiProblem);
    expect(thrown).toMatchObject({ status: 422, detail: "name: Name is required", errors: problem.errors });
  });

  it("throws a problem with the status when the failure is not JSON (a proxy's error page)", async () => {
    answerWith(new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }));
    await expect(fetchAnswer("/api/support-tickets")).rejects.toMatchObject({ status: 502, message: "The server answered 502" });
  });
});

describe("parseAnswer", () => {
  const counts = { open: 2, in_progress: 0, resolved: 1, closed: 0 };
  const answer = (body: unknown) => ({ status: 200, headers: new Headers(), body });

  it("gives the body typed by its response schema", () => {
    expect(parseAnswer(answer(counts), ticketCountsSchema)).toEqual(counts);
  });

  it("names what drifted when the body does not match its schema", () => {
    expect(() => parseAnswer(answer({ ...counts, open: "2" }), ticketCountsSchema)).toThrow(UnexpectedAnswerError);
    expect(() => parseAnswer(answer({ ...counts, open: "2" }), ticketCountsSchema)).toThrow(/unexpected shape \(open: /);
    expect(() => parseAnswer(answer(null), ticketCountsSchema)).toThrow(/\(\(body\): /);
  });
});
