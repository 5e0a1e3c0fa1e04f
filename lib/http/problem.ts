import "server-only";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/db";
import { AppError, type ErrorCode, type FieldError, type Problem } from "@/lib/errors";
import { issueCode } from "@/lib/zod/issue-code";

const STATUS: Record<ErrorCode, { status: number; title: string }> = {
  bad_request: { status: 400, title: "Bad Request" },
  validation_failed: { status: 422, title: "Validation failed" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  not_found: { status: 404, title: "Not Found" },
  conflict: { status: 409, title: "Conflict" },
  precondition_failed: { status: 412, title: "Precondition Failed" },
  payload_too_large: { status: 413, title: "Content Too Large" },
  unsupported_media_type: { status: 415, title: "Unsupported Media Type" },
  rate_limited: { status: 429, title: "Too Many Requests" },
  unavailable: { status: 503, title: "Service Unavailable" },
  insufficient_storage: { status: 507, title: "Insufficient Storage" },
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

export function problemResponse(problem: Problem, headers: HeadersInit = {}): Response {
  const response = Response.json(problem, { status: problem.status, headers });
  response.headers.set("content-type", PROBLEM_CONTENT_TYPE);
  return response;
}

export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    // An unrecognised key is reported on the object; point at the key itself so a form can show it.
    const path = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys] : issue.path;
    return { path: path.map(String).join("."), message: issue.message, code: issueCode(issue) };
  });
}

/** An expected failure as its RFC 9457 body (also one item of a bulk change's results). */
export function problemOf(error: AppError): Problem {
  const { status, title } = STATUS[error.code];
  return { type: `/problems/${error.code}`, title, status, detail: error.message, ...(error.errors && { errors: error.errors }) };
}

/** Turns anything thrown by a handler into an RFC 9457 response; unexpected errors are logged, never shown. */
export function problemFromError(error: unknown): Response {
  if (error instanceof ZodError) {
    const errors = fieldErrorsFromZod(error);
    return problemResponse({
      type: "/problems/validation_failed",
      title: STATUS.validation_failed.title,
      status: 422,
      detail: errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; "),
      errors,
    });
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="support-tickets"';
    if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
    return problemResponse(problemOf(error), headers);
  }
  if (isDatabaseUnavailable(error)) {
    console.error("Database unavailable", error instanceof Error ? error.message : error);
    return problemResponse(
      { type: "/problems/unavailable", title: STATUS.unavailable.title, status: 503, detail: "The database is not reachable right now; please retry shortly" },
      { "retry-after": "5" },
    );
  }
  console.error("Unhandled error in route handler", error);
  return problemResponse({
    type: "/problems/internal_error",
    title: "Internal Server Error",
    status: 500,
    detail: "Something went wrong on our side. It has been logged; please try again.",
  });
}
