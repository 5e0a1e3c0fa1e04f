import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own package; bundling it breaks those paths.
  // rate-limiter-flexible imports drizzle-orm by a computed name, which a bundler cannot resolve.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "rate-limiter-flexible"],
  poweredByHeader: false,
  typedRoutes: true,
};

export default nextConfig;
