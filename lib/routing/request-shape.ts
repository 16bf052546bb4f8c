// Requests Next itself would answer with a 500 before any app code runs (found by the fuzz suite,
// e2e/fuzz): the proxy refuses them first with a clear 4xx. Pure: headers in, verdict out.

export type Refusal = { status: 400 | 403; code: string; message: string };

// Next's router throws on a path segment that does not percent-decode (`%`, `%zz`, `%ff`, an
// overlong or surrogate UTF-8 sequence) and, lacking a /400 page, answers 500.
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

type HeaderSource = { get(name: string): string | null };

// A server action POST (`Next-Action` header) that Next would reject with a 500: a cross-origin
// one (Next's CSRF check compares Origin with X-Forwarded-Host/Host and fails with 500 on purpose)
// or one whose multipart body is empty (its form parser fails with "Unexpected end of form").
export function serverActionRefusal(
  method: string,
  headers: HeaderSource,
  pathname = "/",
  isStudioAction: (id: string) => boolean = () => false,
): Refusal | null {
  const action = headers.get("next-action");
  if (method !== "POST" || !action) return null;
  // Studio actions belong to studio pages: posted elsewhere they would run outside the proxy's
  // staff check for /studio writes (each re-checks its role, but nothing else may reach them).
  if (isStudioAction(action) && pathname !== "/studio" && !pathname.startsWith("/studio/")) {
    return { status: 403, code: "forbidden:studio", message: "Studio actions run only in the studio." };
  }
  const origin = headers.get("origin");
  if (origin) {
    const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) return { status: 403, code: "forbidden:origin", message: "This action must come from this site." };
  }
  if (/^multipart\/form-data/i.test(headers.get("content-type") ?? "") && headers.get("content-length") === "0") {
    return { status: 400, code: "invalid:body", message: "The form was empty." };
  }
  return null;
}
