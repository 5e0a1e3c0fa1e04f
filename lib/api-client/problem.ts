import type { FieldError, Problem } from "@/lib/errors";

/**
 * A failed answer as an error the UI can act on: its status, the problem+json (RFC 9457) detail for a message and
 * its field errors for `setError`. Read leniently rather than with `problemSchema`: a proxy's HTML error page or an
 * empty 502 still becomes a problem with the right status (and no detail), and zod stays out of the first load.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title?: Problem["title"];
  readonly detail?: Problem["detail"];
  readonly errors: FieldError[];

  constructor(status: number, body: unknown) {
    const { title, detail, errors } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    super(typeof detail === "string" ? detail : `The server answered ${status}`);
    this.name = "ApiProblem";
    this.status = status;
    if (typeof title === "string") this.title = title;
    if (typeof detail === "string") this.detail = detail;
    this.errors = Array.isArray(errors) ? errors.filter(isFieldError) : [];
  }
}

function isFieldError(value: unknown): value is FieldError {
  const { path, message } = (value ?? {}) as Record<string, unknown>;
  return typeof path === "string" && typeof message === "string";
}
