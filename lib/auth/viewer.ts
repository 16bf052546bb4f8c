import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { ANON_TIER, type EffectiveAccess } from "@/lib/access";
import { loadMemberAccess, type MemberAccess } from "./member-access";
import { authOptions } from "./options";

export type Viewer = { signedIn: false; access: EffectiveAccess } | ({ signedIn: true } & MemberAccess);

const anonymous: Viewer = { signedIn: false, access: { tier: ANON_TIER, until: null, grant: null } };

// The server-side gate: resolves who is asking and their access *now* from the database, never
// trusting claims in the cookie beyond the member id. Used by pages, route handlers and actions.
export async function getViewer(now = new Date()): Promise<Viewer> {
  let id: unknown;
  try {
    const session = await getServerSession(authOptions);
    id = (session?.user as { id?: unknown } | undefined)?.id;
  } catch {
    return anonymous;
  }
  if (typeof id !== "number") return anonymous;
  const loaded = await loadMemberAccess(await getDb(), id, now);
  return loaded ? { signedIn: true, ...loaded } : anonymous;
}

export function isStaff(viewer: Viewer): boolean {
  return viewer.signedIn && (viewer.member.role === "editor" || viewer.member.role === "admin");
}
