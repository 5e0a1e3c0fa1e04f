import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { validationError } from "@/lib/errors";

// zxcvbn's list of ~49,000 passwords seen most often in breaches; loaded on first use (it is large).
let commonPasswords: Set<string> | undefined;

/** Refuses (422 naming `field`) a new password that is on the list of common passwords, whatever its case. */
export function assertPasswordNotCommon(field: string, password: string): void {
  commonPasswords ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  if (commonPasswords.has(password.toLowerCase())) {
    throw validationError(field, "This password is on a list of commonly used passwords; choose another");
  }
}
