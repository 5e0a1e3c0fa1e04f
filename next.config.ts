import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own package; bundling it breaks those paths.
  // nodemailer reads its own data files too and is Node-only, so it is loaded from node_modules as well.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: true,
};

export default nextConfig;
