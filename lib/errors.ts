import { z } from "zod";

/** A field-level problem, as `errors[]` in a 422 problem body and as `setError` in the form. */
export const fieldErrorSchema = z.object({
  path: z.string().meta({ description: "Dotted path of the field (empty for the whole body)", example: "email" }),
  message: z.string().meta({ example: "Enter a valid email address" }),
  code: z
    .string()
    .optional()
    .meta({
      description: "Why, as a stable name a client can translate (e.g. `required`, `too_big`, `invalid_email`, `one_line`, `unknown_category`); `message` says it in English",
      example: "invalid_email",
    }),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** An RFC 9457 problem body, as every API error answers. */
export const problemSchema = z.object({
  type: z.string().meta({ description: "A URI reference naming the kind of problem", example: "/problems/not_found" }),
  title: z.string().meta({ example: "Not Found" }),
  status: z.int().min(400).max(599).meta({ example: 404 }),
  detail: z.string().meta({ example: "Ticket 42 does not exist" }),
  errors: z.array(fieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

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
  | "unavailable"
  | "insufficient_storage";

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

export function validationError(path: string, message: string, code?: string): AppError {
  return new AppError("validation_failed", message, { errors: [{ path, message, ...(code && { code }) }] });
}
