// Only same-site paths may be used as a post-sign-in destination (no open redirects through
// callbackUrl): a single leading slash, no backslashes or control characters.
export function isSafeCallback(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return false;
  try {
    return decodeURIComponent(path).startsWith("//") === false;
  } catch {
    return false;
  }
}

export function safeCallback(value: string | null | undefined, fallback = "/"): string {
  return value && isSafeCallback(value) ? value : fallback;
}
