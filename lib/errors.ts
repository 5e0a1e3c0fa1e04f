/** A field-level problem, as `errors[]` in a 422 problem body and as `setError` in the form. */
export interface FieldError {
  path: string;
  message: string;
}

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable";

/**
 * An expected failure with a meaning the caller can act on. Domain code throws these;
 * `lib/http/problem.ts` turns them into HTTP statuses. Anything else is a bug and becomes a 500.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { errors?: FieldError[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function validationError(path: string, message: string): AppError {
  return new AppError("validation_failed", message, { errors: [{ path, message }] });
}
