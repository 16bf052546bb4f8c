import type { Db } from "../client";
import { ensureMember, getMemberByEmail } from "../queries/members";
import { grantAccess, setRole } from "@/lib/members/grants";

const DAY = 86_400_000;

// Demo accounts to try every tier (sign in with the magic link printed in the server log).
export const demoMembers = [
  { email: "admin@masthead.local", role: "admin" as const, tier: null },
  { email: "editor@masthead.local", role: "editor" as const, tier: null },
  { email: "reader@masthead.local", role: "reader" as const, tier: null },
  { email: "supporter@masthead.local", role: "reader" as const, tier: "supporter" },
  { email: "premium@masthead.local", role: "reader" as const, tier: "premium" },
];

export async function seedDemoMembers(db: Db, now = new Date()): Promise<void> {
  for (const m of demoMembers) {
    if (await getMemberByEmail(db, m.email)) continue;
    const member = await ensureMember(db, m.email);
    if (m.role !== "reader") await setRole(db, member.id, m.role);
    if (m.tier) {
      await grantAccess(db, { email: m.email, tierSlug: m.tier, startsAt: new Date(now.getTime() - DAY), endsAt: new Date(now.getTime() + 365 * DAY), source: "comp", note: "demo account" });
    }
  }
}

// ADMIN_EMAIL is made admin (and created if missing) at every start.
export async function ensureAdmin(db: Db, email: string): Promise<void> {
  const member = await ensureMember(db, email);
  await setRole(db, member.id, "admin");
}
