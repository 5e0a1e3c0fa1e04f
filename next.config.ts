import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own package; nodemailer reads its own data files;
  // rate-limiter-flexible imports drizzle-orm by a computed name. None of them survives bundling.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "nodemailer", "rate-limiter-flexible"],
  // .next/standalone: the server and only the files it uses, for the Docker image (docs/deploy.md). server.mjs runs
  // from there too. Traced by import, so what is loaded by a computed name or read by path is listed here: drizzle-orm
  // (rate-limiter-flexible's database store imports it by a computed name) and the migrations (read at start).
  output: "standalone",
  outputFileTracingIncludes: { "/**": ["./drizzle/**/*", "./node_modules/drizzle-orm/**/*"] },
  poweredByHeader: false,
  typedRoutes: true,
  // Metadata is rendered with the page, never streamed after it: a streamed title is remounted on every
  // router.refresh() and leaves the page without a <title> until its chunk arrives (axe caught it on the
  // tracking page after a reply). Our metadata is a catalog lookup, so nothing waits on it.
  htmlLimitedBots: /.*/,
};

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request-config.ts",
  // The catalogs' ICU messages are compiled at build time, so pages ship no message parser: the submit page's
  // first load stays within its budget (e2e/public-pages-quality.spec.ts).
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
