import "server-only";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { ANON_TIER, type EffectiveAccess } from "@/lib/access";
import { publicationTable } from "@/lib/publications/table";
import { sessionValidOn } from "./claims";
import { loadMemberAccess, type MemberAccess } from "./member-access";
import { sessionCookieDomain } from "./session-cookie";
import { authOptions } from "./options";

export type Viewer = { signedIn: false; access: EffectiveAccess } | ({ signedIn: true } & MemberAccess);

const anonymous: Viewer = { signedIn: false, access: { tier: ANON_TIER, until: null, grant: null } };

// The server-side gate: resolves who is asking and their access in a publication *now* from the
// database, never trusting claims in the cookie beyond the member id. Used by pages, route
// handlers and actions.
export async function getViewer(publicationId: number, now = new Date()): Promise<Viewer> {
  let id: unknown;
  let sp: unknown;
  try {
    const session = await getServerSession(authOptions);
    const user = session?.user as { id?: unknown; publicationId?: unknown } | undefined;
    id = user?.id;
    sp = user?.publicationId;
  } catch {
    return anonymous;
  }
  if (typeof id !== "number") return anonymous;
  // A session of another publication's host is a signed-out reader here, as in the proxy.
  const table = publicationTable();
  if (!table || !sessionValidOn(typeof sp === "number" ? sp : null, publicationId, table.primary.id, Boolean(sessionCookieDomain()))) return anonymous;
  const loaded = await loadMemberAccess(await getDb(), id, publicationId, now);
  return loaded ? { signedIn: true, ...loaded } : anonymous;
}

/** Whether the viewer works in this publication's studio (editor or admin there). */
export function isStaff(viewer: Viewer): boolean {
  return viewer.signedIn && viewer.staffRole !== null;
}
