import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { roleAllows } from "@/lib/access";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/http/errors";
import type { PublicationRef } from "@/lib/publications/model";
import { publicationTable } from "@/lib/publications/table";
import type { Actor } from "./audit";
import { STUDIO_PUBLICATION_COOKIE, studioPublicationOf } from "./studio-publication";

export type StaffRole = Actor["role"];
// A signed-in staff member always acts in one publication: the studio's.
export type StudioActor = Actor & { publicationId: number };

// Next maps an error carrying this digest to an HTTP 403 answer for a Server Action (it is what
// `forbidden()` throws; the docs name the digest). `forbidden()` itself refuses to run unless
// next.config enables experimental.authInterrupts, which this module cannot assume.
const FORBIDDEN_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;403";

function forbiddenInterrupt(): never {
  const err = new Error(FORBIDDEN_DIGEST) as Error & { digest: string };
  err.digest = FORBIDDEN_DIGEST;
  throw err;
}

/** The publication the studio works on for this request (switcher cookie, else the Host's). */
export async function studioPublication(): Promise<PublicationRef> {
  const table = publicationTable();
  if (!table) throw new AppError("unavailable", "publication", "The site is starting; try again in a moment.");
  const [h, c] = await Promise.all([headers(), cookies()]);
  return studioPublicationOf(table, h.get("host"), c.get(STUDIO_PUBLICATION_COOKIE)?.value);
}

// Resolves the acting staff member in the studio's publication from the database (never from
// cookie claims), or null when they have no role there that allows `min`.
export async function getStaffActor(min: StaffRole): Promise<StudioActor | null> {
  const pub = await studioPublication();
  const viewer = await getViewer(pub.id);
  if (!viewer.signedIn || !roleAllows(viewer.staffRole, min)) return null;
  return {
    memberId: viewer.member.id,
    label: viewer.member.email,
    role: viewer.staffRole ?? "editor",
    publicationId: pub.id,
    network: viewer.member.role === "admin",
  };
}

// For Server Actions: a reader, an editor posting directly to an admin action, or staff of another
// publication gets a 403, not a friendly result — the UI never offers them the action, so this is a
// crafted request.
export async function requireStaffAction(min: StaffRole): Promise<StudioActor> {
  return (await getStaffActor(min)) ?? forbiddenInterrupt();
}

/** For network-wide work (publications, bundles, network roles): network admins only. */
export async function requireNetworkAdminAction(): Promise<StudioActor> {
  const actor = await getStaffActor("admin");
  return actor?.network ? actor : forbiddenInterrupt();
}

// For pages: the layout already turned non-staff away; an editor on an admin page goes home.
export async function requireStaffPage(min: StaffRole): Promise<StudioActor> {
  const actor = await getStaffActor(min);
  if (!actor) redirect(min === "admin" ? "/studio?denied=admin" : "/signin?callbackUrl=%2Fstudio");
  return actor;
}

export async function requireNetworkAdminPage(): Promise<StudioActor> {
  const actor = await requireStaffPage("admin");
  if (!actor.network) redirect("/studio?denied=network");
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
