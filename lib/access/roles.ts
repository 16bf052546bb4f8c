// Who may work in a publication's studio (design §10): a network admin everywhere (and only they
// create publications and bundles), a network editor as an editor everywhere, and per-publication
// editors and admins in their own publication. Pure.

export type NetworkRole = "reader" | "editor" | "admin";
export type StaffRoleName = "editor" | "admin";
export type StaffGrant = { publicationId: number; role: StaffRoleName };

const RANK: Record<StaffRoleName, number> = { editor: 1, admin: 2 };

/** The member's role in one publication's studio, or null (no studio there). */
export function staffRoleIn(networkRole: NetworkRole, staff: readonly StaffGrant[], publicationId: number): StaffRoleName | null {
  if (networkRole === "admin") return "admin";
  const own = staff.find((s) => s.publicationId === publicationId)?.role ?? null;
  const network: StaffRoleName | null = networkRole === "editor" ? "editor" : null;
  if (own && network) return RANK[own] >= RANK[network] ? own : network;
  return own ?? network;
}

/** Whether `role` is at least `min` (an admin may do what an editor may). */
export function roleAllows(role: StaffRoleName | null, min: StaffRoleName): boolean {
  return role !== null && RANK[role] >= RANK[min];
}

export const isNetworkAdmin = (networkRole: NetworkRole) => networkRole === "admin";

/** Whether the member works in any studio at all (the proxy's optimistic gate for /studio). */
export function isStaffAnywhere(networkRole: NetworkRole, staff: readonly StaffGrant[]): boolean {
  return networkRole !== "reader" || staff.length > 0;
}

/** Who else administers what a leaving member administers (read before their account is deleted). */
export type AdminCover = {
  networkRole: NetworkRole;
  otherNetworkAdmins: number; // network admins besides the member, accounts not deleted
  staffAdminOf: readonly { publicationId: number; otherAdmins: number }[]; // the member's publication-admin seats
};

/**
 * What a member's leaving would leave without an admin: the network (they are its only network
 * admin) and the publications where they are the only admin (no other admin of it, no network
 * admin). Deleting an account must not orphan either: nobody could then change roles there except
 * through the server's CLI. Empty when they may leave.
 */
export function orphanedByLeaving(cover: AdminCover): { network: boolean; publicationIds: number[] } {
  const network = isNetworkAdmin(cover.networkRole) && cover.otherNetworkAdmins === 0;
  const covered = cover.otherNetworkAdmins > 0;
  const publicationIds = covered ? [] : cover.staffAdminOf.filter((seat) => seat.otherAdmins === 0).map((seat) => seat.publicationId);
  return { network, publicationIds };
}
