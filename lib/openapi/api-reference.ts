import path from "node:path";

/** Scalar's browser build as ES modules (the entry and its content-hashed chunks), which /docs/api/scalar/… serves. */
export const SCALAR_BROWSER_BUILD = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser");
export const SCALAR_ENTRY = "standalone.esm.js";
export const SCALAR_ENTRY_URL = `/docs/api/scalar/${SCALAR_ENTRY}`;
