import "server-only";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/http/errors";
import type { Actor } from "./audit";

export type StaffRole = Actor["role"];

// Next maps an error carrying this digest to an HTTP 403 answer for a Server Action (it is what
// `forbidden()` throws; the docs name the digest). `forbidden()` itself refuses to run unless
// next.config enables experimental.authInterrupts, which this module cannot assume.
const FORBIDDEN_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;403";

function forbiddenInterrupt(): never {
  const err = new Error(FORBIDDEN_DIGEST) as Error & { digest: string };
  err.digest = FORBIDDEN_DIGEST;
  throw err;
}

const allows = (role: string, min: StaffRole) => role === "admin" || (min === "editor" && role === "editor");

// Resolves the acting staff member from the database (never from cookie claims), or null.
export async function getStaffActor(min: StaffRole): Promise<Actor | null> {
  const viewer = await getViewer();
  if (!viewer.signedIn || !allows(viewer.member.role, min)) return null;
  const role = viewer.member.role === "admin" ? "admin" : "editor";
  return { memberId: viewer.member.id, label: viewer.member.email, role };
}

// For Server Actions: a reader or an editor posting directly to an admin action gets a 403, not a
// friendly result — the UI never offers them the action, so this is a crafted request.
export async function requireStaffAction(min: StaffRole): Promise<Actor> {
  return (await getStaffActor(min)) ?? forbiddenInterrupt();
}

// For pages: the layout already turned non-staff away; an editor on an admin page goes home.
export async function requireStaffPage(min: StaffRole): Promise<Actor> {
  const actor = await getStaffActor(min);
  if (!actor) redirect(min === "admin" ? "/studio?denied=admin" : "/signin?callbackUrl=%2Fstudio");
  return actor;
}

// For studio route handlers authenticated by the session cookie: refuse cross-site posts, as Next
// does for Server Actions (the cookie is SameSite=Lax already; this does not rely on it).
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) throw new AppError("forbidden", "origin", "Cross-site requests are not allowed.");
}
