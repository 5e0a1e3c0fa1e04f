import type { Messages } from "./catalogs";

// Message keys are type-checked wherever next-intl or use-intl translates. The locale stays a plain string:
// pages and emails format with the BCP 47 tag of LOCALE_TAGS (es-MX), not the stored `es`.
declare module "use-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
