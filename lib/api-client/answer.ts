import type { z } from "zod";
import { ApiProblem } from "./problem";

/** A server's answer with its body read as JSON (null when it was empty or not JSON, e.g. a proxy's error page). */
export interface Answer {
  status: number;
  headers: { get(name: string): string | null };
  body: unknown;
}

/** Thrown when no answer arrived (offline, dropped connection, timeout): the request may or may not have been done. */
export class NoAnswerError extends Error {
  constructor() {
    super("The connection dropped before the server answered");
    this.name = "NoAnswerError";
  }
}

/** Thrown when a successful answer does not match its response schema: the server and this page have drifted apart. */
export class UnexpectedAnswerError extends Error {
  constructor(issues: readonly z.core.$ZodIssue[]) {
    const where = (issue: z.core.$ZodIssue) => issue.path.map(String).join(".") || "(body)";
    super(`The server's answer has an unexpected shape (${issues.map((issue) => `${where(issue)}: ${issue.message}`).join("; ")})`);
    this.name = "UnexpectedAnswerError";
  }
}

export function jsonOrNull(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The answer itself when it is a success; otherwise its problem, thrown. */
export function expectSuccess(answer: Answer): Answer {
  if (answer.status >= 200 && answer.status < 300) return answer;
  throw new ApiProblem(answer.status, answer.body);
}

/** The answer's body as its response schema describes it; the schema's type is the body's type. */
export function parseAnswer<T>(answer: Answer, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) throw new UnexpectedAnswerError(parsed.error.issues);
  return parsed.data;
}

/** fetch() for our own API: a success comes back as an Answer, anything else is thrown as an ApiProblem. */
export async function fetchAnswer(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(path, {
    ...init,
    credentials: "same-origin",
    headers: {
      accept: "application/json",
      ...(typeof init.body === "string" && { "content-type": "application/json" }),
      ...init.headers,
    },
  });
  return expectSuccess({ status: response.status, headers: response.headers, body: jsonOrNull(await response.text()) });
}
