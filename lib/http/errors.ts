import { ZodError } from "zod";

// One error type for expected failures; its type maps to the HTTP status (conventions: Errors).
const statusByType = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ErrorType = keyof typeof statusByType;

export class AppError extends Error {
  constructor(
    readonly type: ErrorType,
    readonly surface: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
  get code() {
    return `${this.type}:${this.surface}`;
  }
  get status() {
    return statusByType[this.type];
  }
}

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    return Response.json({ error: { code: err.code, message: err.message } }, { status: err.status, headers: err.headers });
  }
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return Response.json({ error: { code: "invalid:input", message: `${where}${first?.message ?? "Invalid input."}` } }, { status: 422 });
  }
  // Unexpected: log the kind only (messages may carry data), answer generically.
  console.error("[api] unexpected error:", err instanceof Error ? err.name : typeof err);
  return Response.json({ error: { code: "internal:server", message: "Something went wrong. Try again." } }, { status: 500 });
}

// Wraps a route handler so every failure becomes a JSON error with the right status.
export function withErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export async function readJson(req: Request, maxBytes = 256 * 1024): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("payload_too_large", "body", "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "json", "The request body must be valid JSON.");
  }
}
