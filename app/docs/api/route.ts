import { defineRoute } from "@/lib/http/define-route";

const SCALAR_CONFIGURATION = { url: "/api/openapi.json", telemetry: false };

// GET /docs/api – the interactive API reference (Scalar), rendered in the browser from /api/openapi.json
export const GET = defineRoute({ access: ["public"] }, async ({ request }) => {
  // proxy.ts sets a fresh nonce per request and allows only scripts that carry it. Scalar bundles zod,
  // which probes for eval unless told to run "jitless"; the probe alone would break the CSP.
  const nonce = request.headers.get("x-nonce") ?? "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Kinconecta Support</title>
</head>
<body>
<div id="api-reference"></div>
<script nonce="${nonce}">globalThis.__zod_globalConfig = { jitless: true };</script>
<script nonce="${nonce}" src="/docs/api/scalar.js"></script>
<script nonce="${nonce}">Scalar.createApiReference("#api-reference", ${JSON.stringify(SCALAR_CONFIGURATION)});</script>
</body>
</html>`;
  // A page, not API data: it keeps the page policy proxy.ts made for this request (with its nonce).
  const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
  return new Response(html, { headers: { ...headers, "content-security-policy": request.headers.get("content-security-policy") ?? "" } });
});
