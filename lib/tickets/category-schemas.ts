import { z } from "zod";
import { textField } from "@/lib/zod/text";

// Shared by the admin categories API, its OpenAPI document and the admin page's labels form.

export const CATEGORY_LABEL_MAX = 80;

// One key per locale of lib/i18n/locales.ts.
const categoryLabelsSchema = z
  .object({ es: z.string().optional(), en: z.string().optional() })
  .meta({ description: "What readers of each language see; a language without one shows the stored name" });

/** A category as admins list it: the stored name (what tickets and the API keep) and its label per language. */
export const adminCategorySchema = z.object({
  name: z.string().meta({ example: "Billing" }),
  active: z.boolean().meta({ description: "Offered on the form; inactive ones stay on old tickets" }),
  position: z.int().meta({ description: "Its place in the form's list (lowest first)" }),
  labels: categoryLabelsSchema,
});
export type AdminCategory = z.infer<typeof adminCategorySchema>;

const label = (language: string) => textField(`The ${language} label`, { max: CATEGORY_LABEL_MAX }).optional();

/** New labels; a language left out keeps its label. */
export const updateCategoryLabelsInput = z.strictObject({
  labels: z.strictObject({ es: label("Spanish"), en: label("English") }, { error: "labels must be an object with `es` and/or `en`" }),
});
export type UpdateCategoryLabelsInput = z.infer<typeof updateCategoryLabelsInput>;
