import type { Db } from "../client";
import { ensureMember, getMemberByEmail } from "../queries/members";
import { joinPublication } from "../queries/publication-members";
import { setStaffRole } from "../queries/publications";
import { grantAccess, setRole } from "@/lib/members/grant-access";

const DAY = 86_400_000;

type Publications = { primaryId: number; dataId: number };

// Demo accounts to try every tier (sign in with the magic link printed in the server log). The
// admin is a network admin (every publication); the editors edit one publication each.
export const demoMembers = [
  { email: "admin@masthead.local", network: "admin" as const, staff: null, tier: null },
  { email: "editor@masthead.local", network: null, staff: { pub: "primary", role: "editor" } as const, tier: null },
  { email: "data-editor@masthead.local", network: null, staff: { pub: "data", role: "editor" } as const, tier: null },
  { email: "reader@masthead.local", network: null, staff: null, tier: null },
  { email: "supporter@masthead.local", network: null, staff: null, tier: { pub: "primary", slug: "supporter" } as const },
  // Premium of the primary publication includes data's premium (a bundle).
  { email: "premium@masthead.local", network: null, staff: null, tier: { pub: "primary", slug: "premium" } as const },
  { email: "data-premium@masthead.local", network: null, staff: null, tier: { pub: "data", slug: "premium" } as const },
];

export async function seedDemoMembers(db: Db, pubs: Publications, now = new Date()): Promise<void> {
  const idOf = (pub: "primary" | "data") => (pub === "primary" ? pubs.primaryId : pubs.dataId);
  for (const m of demoMembers) {
    if (await getMemberByEmail(db, m.email)) continue;
    const member = await ensureMember(db, m.email);
    // Accounts at the primary (and data's own at data), as if they had signed in before: they get
    // the newsletters, and no welcome notice on their next sign-in.
    for (const pub of new Set(["primary" as const, m.tier?.pub ?? "primary", m.staff?.pub ?? "primary"])) {
      await joinPublication(db, { publicationId: idOf(pub), memberId: member.id, source: "seed", welcomed: true, at: now });
    }
    if (m.network) await setRole(db, member.id, m.network);
    if (m.staff) await setStaffRole(db, idOf(m.staff.pub), member.id, m.staff.role);
    if (m.tier) {
      await grantAccess(db, {
        email: m.email,
        publicationId: idOf(m.tier.pub),
        tierSlug: m.tier.slug,
        startsAt: new Date(now.getTime() - DAY),
        endsAt: new Date(now.getTime() + 365 * DAY),
        source: "comp",
        note: "demo account",
      });
    }
  }
}

// ADMIN_EMAIL is made a network admin (and created if missing) at every start.
export async function ensureAdmin(db: Db, email: string): Promise<void> {
  const member = await ensureMember(db, email);
  await setRole(db, member.id, "admin");
}
