import { ZodError } from "zod";
import { AppError } from "@/lib/http/errors";

// What every studio Server Action returns for expected outcomes (conventions: Errors). `field`
// names the form field the message belongs next to.
export type ActionError = { code: string; message: string; field?: string };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });

export function toActionError(err: unknown): ActionError | null {
  if (err instanceof AppError) return { code: err.code, message: err.message, field: err.surface };
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const field = first?.path.length ? String(first.path[0]) : undefined;
    return { code: "invalid:input", message: first?.message ?? "입력값을 확인하세요.", field };
  }
  return null;
}

// Runs the work and maps expected failures to a result; anything else is a bug and is rethrown
// (which also lets Next's redirect/forbidden interrupts through).
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return ok(await work());
  } catch (err) {
    const error = toActionError(err);
    if (error) return { ok: false, error };
    throw err;
  }
}
