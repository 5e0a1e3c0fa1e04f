/**
 * Spam signals that only the submit form sends (docs/public-pages.md): a honeypot field people never
 * see, and how long the form was open before it was sent. Other clients leave both out and are not
 * checked. No zod here, so the form can read it without loading the schemas up front.
 */
export const SPAM_SIGNALS = { honeypotField: "website", fillTimeField: "formFillMs", minFillMs: 3_000 } as const;
