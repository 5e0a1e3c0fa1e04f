import type { ReferenceProps } from "@scalar/api-reference";
import { defineRoute } from "@/lib/http/define-route";

/**
 * Nothing on this page talks to anyone but this app. Scalar's cloud features would send the API description
 * to scalar.com (the "Ask AI" agent, "Generate MCP", the developer tools' Share and Deploy, the button that
 * opens client.scalar.com), and its theme loads web fonts from fonts.scalar.com: all off here, and the
 * page's CSP (lib/http/security-headers.ts) allows no other host anyway. Text uses the system font stack.
 */
const SCALAR_CONFIGURATION = {
  url: "/api/openapi.json",
  agent: { disabled: true },
  mcp: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: "never",
  telemetry: false,
  withDefaultFonts: false,
} satisfies Exclude<ReferenceProps["configuration"], unknown[] | undefined>;

// GET /docs/api – the interactive API reference (Scalar), rendered in the browser from /api/openapi.json
export const GET = defineRoute({ access: ["public"] }, async ({ request }) => {
  // proxy.ts sets a fresh nonce per request and allows only scripts that carry it. Scalar bundles zod,
  // which probes for eval unless told to run "jitless"; the probe alone would break the CSP.
  // The mount point must not be `#api-reference`: the bundle mounts a second, unconfigured reference
  // (with every cloud button, and a skeleton that never loads) into an element of that id by itself.
  // The document's preload lets it download while the browser is still parsing the script.
  const nonce = request.headers.get("x-nonce") ?? "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Kinconecta Support</title>
<link rel="preload" href="${SCALAR_CONFIGURATION.url}" as="fetch" crossorigin="anonymous">
</head>
<body>
<div id="reference"></div>
<script nonce="${nonce}">globalThis.__zod_globalConfig = { jitless: true };</script>
<script nonce="${nonce}" src="/docs/api/scalar.js"></script>
<script nonce="${nonce}">Scalar.createApiReference("#reference", ${JSON.stringify(SCALAR_CONFIGURATION)});</script>
</body>
</html>`;
  // A page, not API data: it keeps the page policy proxy.ts made for this request (with its nonce).
  const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
  return new Response(html, { headers: { ...headers, "content-security-policy": request.headers.get("content-security-policy") ?? "" } });
});
