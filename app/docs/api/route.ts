import type { ReferenceProps } from "@scalar/api-reference";
import { defineRoute } from "@/lib/http/define-route";
import { SCALAR_ENTRY_URL } from "@/lib/openapi/api-reference";
import { appReferenceOutline } from "@/lib/openapi/app-document";

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
  // The document's preload lets it download while the browser is still parsing the script. Until Scalar
  // has loaded (and the outline goes), the page shows the same document as a plain outline, readable at once.
  // Not inside Scalar's mount point, which it would try to hydrate.
  const nonce = request.headers.get("x-nonce") ?? "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Kinconecta Support</title>
<link rel="preload" href="${SCALAR_CONFIGURATION.url}" as="fetch" crossorigin="anonymous">
<link rel="modulepreload" href="${SCALAR_ENTRY_URL}">
<meta property="csp-nonce" content="${nonce}">
<style>
#outline { max-width: 60rem; margin: 0 auto; padding: 1.5rem; font: 16px/1.5 system-ui, sans-serif; color: #1e293b; }
#outline h2 { margin-top: 2rem; font-size: 1.25rem; }
#outline ul { padding-left: 1.25rem; }
#outline li { margin: 0.25rem 0; }
#outline code { font: 0.875rem ui-monospace, monospace; }
#outline .method { display: inline-block; min-width: 3.75rem; font-weight: 700; }
</style>
</head>
<body>
<main id="outline">${appReferenceOutline()}</main>
<div id="reference"></div>
<script nonce="${nonce}">globalThis.__zod_globalConfig = { jitless: true };</script>
<script type="module" nonce="${nonce}">
import { createApiReference } from "${SCALAR_ENTRY_URL}";
createApiReference("#reference", { ...${JSON.stringify(SCALAR_CONFIGURATION)}, onLoaded: () => document.getElementById("outline")?.remove() });
</script>
</body>
</html>`;
  // A page, not API data: it keeps the page policy proxy.ts made for this request (with its nonce).
  const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
  return new Response(html, { headers: { ...headers, "content-security-policy": request.headers.get("content-security-policy") ?? "" } });
});
