import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own package; nodemailer reads its own data files;
  // rate-limiter-flexible imports drizzle-orm by a computed name. None of them survives bundling.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "nodemailer", "rate-limiter-flexible"],
  poweredByHeader: false,
  typedRoutes: true,
};

const withNextIntl = createNextIntlPlugin("./lib/i18n/request-config.ts");

export default withNextIntl(nextConfig);
