// Response headers for every page and API answer (set in proxy.ts). Pure, so proxy.ts stays small.

export interface SecurityHeaderOptions {
  /** A fresh random value per request; Next.js puts it on its own inline scripts. */
  nonce: string;
  /** API answers are data, never documents: they get a policy that allows nothing at all. */
  isApi: boolean;
  /** `next dev` needs eval for React's error overlays; production never does. */
  isDevelopment: boolean;
  /** HSTS only where the app is served over HTTPS, or browsers would refuse a plain-HTTP dev server. */
  isHttps: boolean;
  /**
   * The API reference (Scalar, a Vue app) adds style elements and attributes without a nonce. Inline
   * styles cannot run code, so that page alone allows them; its scripts stay nonce-only, and like every
   * page it may fetch, load fonts and images from this origin only (app/docs/api/route.ts turns off
   * Scalar's cloud features and web fonts).
   */
  isApiReference?: boolean;
}

export function contentSecurityPolicy({
  nonce,
  isApi,
  isDevelopment,
  isApiReference,
}: Omit<SecurityHeaderOptions, "isHttps">): string {
  if (isApi) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    isApiReference ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isDevelopment ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "x-frame-options": "DENY",
    ...(options.isHttps && { "strict-transport-security": "max-age=63072000; includeSubDomains" }),
  };
}
