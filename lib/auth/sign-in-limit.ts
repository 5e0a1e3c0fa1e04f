import "server-only";
import { env } from "@/lib/env";

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

/**
 * Failed-or-not sign-in attempts allowed per client IP: `RATE_LIMIT_SIGN_IN` ("5/1m" = 5 a minute,
 * the default), or null when `RATE_LIMITS=off`.
 */
export function signInLimit(): { max: number; window: number } | null {
  if (env.RATE_LIMITS === "off") return null;
  const match = /^(\d+)\/(\d+)([smh])$/.exec(env.RATE_LIMIT_SIGN_IN);
  return { max: Number(match![1]), window: Number(match![2]) * UNIT_SECONDS[match![3] as keyof typeof UNIT_SECONDS] };
}
