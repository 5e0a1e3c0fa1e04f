import { readFile } from "node:fs/promises";
import path from "node:path";
import { defineRoute } from "@/lib/http/define-route";

// Scalar's self-contained browser build, served from our own origin: no CDN, so /docs/api works offline
// and under a CSP that allows scripts from 'self' only.
const STANDALONE = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

let script: Promise<Buffer> | undefined;

// GET /docs/api/scalar.js – the API reference's script
export const GET = defineRoute(
  { access: ["public"], limit: { off: "a static file that browsers cache for a day" } },
  async () => {
    script ??= readFile(STANDALONE);
    return new Response(new Uint8Array(await script), {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
    });
  },
);
