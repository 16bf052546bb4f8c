// Post-sign-in/sign-out destinations: only paths on this site (no open redirects through
// callbackUrl). Browsers forgive a lot when resolving a Location — "/\evil.com" and "/\t/evil.com"
// both become //evil.com, and a percent-encoded "/%2F" or "%5C" may be decoded by some hop — so a
// path is accepted only when it, and each percent-decoded layer of it, is a plain absolute path:
// one leading "/", no second "/" or "\" right after it, no backslash or control character
// anywhere, and it resolves to the same origin.
const MAX_DECODE_LAYERS = 3;
const FORBIDDEN_CHARS = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const PROBE_ORIGIN = "http://masthead.invalid";

function isPlainPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  if (FORBIDDEN_CHARS.test(path)) return false;
  try {
    return new URL(path, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}

export function isSafeCallback(path: string): boolean {
  if (path.length > 2048) return false;
  let layer = path;
  for (let i = 0; i <= MAX_DECODE_LAYERS; i++) {
    if (!isPlainPath(layer)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return false;
    }
    if (decoded === layer) return true;
    layer = decoded;
  }
  // Still changing after several decodings: nobody links like that on purpose.
  return false;
}

export function safeCallback(value: string | null | undefined, fallback = "/"): string {
  return value && isSafeCallback(value) ? value : fallback;
}

// next-auth's redirect callback: a relative path, or an absolute URL on our own origin, survives;
// anything else sends the reader home.
export function resolveRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  if (url.startsWith("/")) return isSafeCallback(url) ? `${base}${url}` : base;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return base;
  }
  if (target.origin !== new URL(base).origin || FORBIDDEN_CHARS.test(url)) return base;
  const rest = `${target.pathname}${target.search}${target.hash}`;
  return isSafeCallback(rest) ? `${base}${rest}` : base;
}
