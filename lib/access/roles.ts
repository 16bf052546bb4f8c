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
