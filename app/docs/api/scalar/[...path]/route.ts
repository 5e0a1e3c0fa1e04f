import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/define-route";
import { SCALAR_BROWSER_BUILD, SCALAR_ENTRY } from "@/lib/openapi/api-reference";

// Scalar's browser build as ES modules, served from our own origin: no CDN, so /docs/api works offline and
// under a CSP that allows only scripts the page's nonce vouches for (and what they import). The entry is a
// sixth of the single-file build; the parts it does not need at first (the request client, search) load
// when used. File names carry a content hash, so browsers may keep them.

const scalarFile = z.strictObject({
  path: z
    .array(z.string())
    .transform((parts) => parts.join("/"))
    .refine((file) => file === SCALAR_ENTRY || /^chunks\/[\w.-]+\.js$/.test(file), "No such file"),
});

const files = new Map<string, Promise<Buffer>>();

// GET /docs/api/scalar/{file} – the API reference's scripts
export const GET = defineRoute(
  { access: ["public"], params: scalarFile, limit: { off: "static files that browsers cache" } },
  async ({ params }) => {
    let file = files.get(params.path);
    if (!file) {
      file = readFile(path.join(SCALAR_BROWSER_BUILD, params.path));
      files.set(params.path, file);
    }
    const bytes = await file.catch(() => {
      files.delete(params.path);
      throw new AppError("not_found", "No such file");
    });
    const cacheControl = params.path === SCALAR_ENTRY ? "public, max-age=86400" : "public, max-age=31536000, immutable";
    return new Response(new Uint8Array(bytes), { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": cacheControl } });
  },
);
