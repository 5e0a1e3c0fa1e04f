import "server-only";
import type { AuditOrigin } from "@/lib/audit/record-audit";
import { type Actor, actorLabel } from "@/lib/auth/actor";
import { clientAddress } from "./rate-limit";

/** Who made a request and from which address, as audit entries record it. */
export function auditOrigin(request: Request, actor: Actor): AuditOrigin {
  return { actor: actorLabel(actor), ipAddress: clientAddress(request) };
}
