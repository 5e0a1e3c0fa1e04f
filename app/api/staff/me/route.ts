import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { getStaffProfile } from "@/lib/staff/get-staff-profile";
import { updateStaffProfileInput } from "@/lib/staff/schemas";
import { updateStaffProfile } from "@/lib/staff/update-staff-profile";

// GET /api/staff/me – the signed-in staff member's account and language (staff session only)
export const GET = defineRoute({ access: ["staff"] }, async ({ actor }) => jsonResponse(await getStaffProfile(actor.userId)));

// PATCH /api/staff/me – choose the staff pages' language (`es`, `en`, or null to follow the browser)
export const PATCH = defineRoute({ access: ["staff"], body: updateStaffProfileInput }, async ({ actor, body }) =>
  jsonResponse(await updateStaffProfile(actor.userId, body)),
);
