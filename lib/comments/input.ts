import { z } from "zod";
import { readJson } from "@/lib/http/errors";
import { checkCommentBody, MAX_COMMENT_LENGTH } from "./body";
import { CommentApiError } from "./errors";

// Request bodies of the comments API. Shape errors become 422 `invalid:input` (zod); the body's
// own rules (empty after normalisation, too long) 422 `invalid:body` with a message to show.

// Generous before normalisation (which may remove characters), bounded so it stays cheap.
const rawBody = z.string({ error: "body: a comment must be text." }).max(MAX_COMMENT_LENGTH * 4, "body: the comment is too long.");

export const createCommentInput = z.object({
  body: rawBody,
  parentId: z.number().int().positive().nullish(),
});

export const editCommentInput = z.object({ body: rawBody });

export const reportCommentInput = z.object({ reason: z.string().trim().max(500).optional() });

/** Route params: comment ids are positive integers; anything else names no comment. */
export function parseCommentId(value: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

export function requireCommentBody(raw: string): string {
  const check = checkCommentBody(raw);
  if (check.ok) return check.body;
  if (check.error === "empty") throw new CommentApiError("invalid", "body", "body: a comment cannot be empty.", { reason: "empty" });
  throw new CommentApiError("invalid", "body", `body: a comment can be at most ${MAX_COMMENT_LENGTH} characters (this one has ${check.length}).`, {
    reason: "too_long",
    maxLength: MAX_COMMENT_LENGTH,
  });
}

/** For endpoints whose body is optional (report): an empty body reads as {}. */
export async function readOptionalJson(req: Request): Promise<unknown> {
  const text = await req.clone().text();
  return text.trim() === "" ? {} : readJson(req, 16 * 1024);
}
