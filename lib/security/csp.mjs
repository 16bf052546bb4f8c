// @ts-check
// The site's Content-Security-Policy, built in one place for both kinds of HTML response:
// per-request renders get a nonce (lib/security/proxy-csp.ts), shared prerendered renders get the
// hashes of their inline scripts (lib/security/cache-csp.mjs). Everything else is identical.

// Stripe Checkout and the customer portal are reached by a form POST that answers 303 to Stripe;
// Chromium applies form-action to the redirect target too.
export const STRIPE_FORM_TARGETS = ["https://checkout.stripe.com", "https://billing.stripe.com"];

/**
 * @param {{ scriptSources: string[], dev?: boolean, https?: boolean }} options
 *   scriptSources: `'nonce-…'` or `'sha256-…'` values allowed to run inline.
 *   dev: `next dev` needs eval for React's error overlays and fast refresh; never in production.
 *   https: the site is served over https, so plain-http subresources are upgraded.
 * @returns {string}
 */
export function buildContentSecurityPolicy({ scriptSources, dev = false, https = false }) {
  for (const s of scriptSources) {
    if (!/^'(nonce-[A-Za-z0-9+/_=-]{16,}|sha(256|384|512)-[A-Za-z0-9+/]+={0,2})'$/.test(s)) throw new Error(`Not a CSP nonce or hash source: ${s}`);
  }
  const directives = [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources, ...(dev ? ["'unsafe-eval'"] : [])].join(" "),
    // React and next/image write style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Imported WordPress pieces may still point at images on their old host.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${STRIPE_FORM_TARGETS.join(" ")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** For responses that are not documents (API JSON, images, feeds): nothing may run or embed them. */
export const NON_DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
