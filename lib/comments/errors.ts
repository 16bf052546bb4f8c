import { AppError, errorResponse, type ErrorType } from "@/lib/http/errors";
import type { PostRight } from "@/lib/access";

// An AppError that also carries machine-readable details (why posting is refused, when a ban
// ends, when to retry), so the UI can explain itself without parsing messages.
export class CommentApiError extends AppError {
  constructor(
    type: ErrorType,
    surface: string,
    message: string,
    readonly details: Record<string, string | number | null> = {},
    headers: Record<string, string> = {},
  ) {
    super(type, surface, message, headers);
  }
}

const NO_STORE = { "Cache-Control": "private, no-store" };

export function withCommentErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof CommentApiError) {
        return Response.json(
          { error: { code: err.code, message: err.message, ...err.details } },
          { status: err.status, headers: { ...NO_STORE, ...err.headers } },
        );
      }
      const res = errorResponse(err);
      res.headers.set("Cache-Control", NO_STORE["Cache-Control"]);
      return res;
    }
  };
}

export function signedOutError(): CommentApiError {
  return new CommentApiError("unauthorized", "comment", "Sign in to take part in the discussion.", { reason: "signed_out" });
}

export function notFoundError(what: "article" | "comment"): CommentApiError {
  return new CommentApiError("not_found", what, what === "article" ? "No such piece." : "No such comment on this piece.");
}

/** The 401/403 for a refused post right; callers only pass refusals. */
export function postRightError(right: Exclude<PostRight, { ok: true }>): CommentApiError {
  switch (right.reason) {
    case "signed_out":
      return signedOutError();
    case "read":
      return new CommentApiError("forbidden", "comment", "Your access does not include this piece, so you cannot join its discussion.", { reason: "read" });
    case "tier":
      return new CommentApiError("forbidden", "comment", "Your membership tier does not include commenting.", { reason: "tier" });
    case "banned": {
      const until = right.bannedUntil?.toISOString() ?? null;
      const message = until ? `You are banned from commenting until ${until}.` : "You are banned from commenting.";
      return new CommentApiError("forbidden", "comment", message, { reason: "banned", bannedUntil: until, banReason: right.banReason });
    }
  }
}
