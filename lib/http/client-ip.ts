// The client's address for rate limiting: the first X-Forwarded-For hop when a proxy in front
// sets it, else X-Real-IP. Behind no proxy the headers can be forged, which only lets a client
// spread its own requests over more buckets — never exceed per-address limits.
export function clientIp(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || req.headers.get("x-real-ip")?.trim() || "unknown";
  return ip.slice(0, 64);
}
