import type { z } from "zod";

/**
 * A stable name for why zod refused a value, sent as `code` beside each problem's `errors[].message` so a page
 * can say it in its reader's language: a custom issue's `params.reason` (e.g. `one_line`, `looks_automated`),
 * `required` for an empty required text, `invalid_<format>` (e.g. `invalid_email`), else zod's issue code.
 */
export function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom" && typeof issue.params?.reason === "string") return issue.params.reason;
  if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1) return "required";
  if (issue.code === "invalid_format") return `invalid_${issue.format}`;
  return issue.code;
}
