// GET /docs/api – the interactive API reference (Scalar), rendered in the browser from /api/openapi.json

// Scalar's options. Its default fonts and telemetry would call out to other hosts, which the CSP forbids:
// the system's fonts stand in for Inter and JetBrains Mono.
const SCALAR_CONFIGURATION = {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  // Scalar's theme still declares its web fonts; they are only fetched if some element uses them.
  customCss: `*, *::before, *::after {
    --scalar-font: ui-sans-serif, system-ui, sans-serif !important;
    --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace !important;
  }`,
  telemetry: false,
  hideClientButton: false,
  metaData: { title: "API reference · Kinconecta Support" },
};

export function GET(request: Request): Response {
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
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
