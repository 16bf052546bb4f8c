import "server-only";
import { and, eq } from "drizzle-orm";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { getDb } from "@/db/client";
import { ensureMember, getMemberByEmail, getMemberById, updateMember } from "@/db/queries/members";
import { verificationTokens, type Member } from "@/db/schema";

// A minimal next-auth adapter over our own members table, written with drizzle. Sessions are
// JWTs, so only users and email verification tokens are stored.
const toUser = (m: Member): AdapterUser => ({ id: String(m.id), email: m.email, emailVerified: m.emailVerifiedAt, name: m.name });
const memberId = (id: string) => (/^\d+$/.test(id) ? Number(id) : -1);

export function membersAdapter(): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const db = await getDb();
      const member = await ensureMember(db, user.email, { name: user.name ?? null });
      const updated = user.emailVerified ? await updateMember(db, member.id, { emailVerifiedAt: user.emailVerified }) : member;
      return toUser(updated ?? member);
    },
    async getUser(id) {
      const m = await getMemberById(await getDb(), memberId(id));
      return m && !m.deletedAt ? toUser(m) : null;
    },
    async getUserByEmail(email) {
      const m = await getMemberByEmail(await getDb(), email);
      return m && !m.deletedAt ? toUser(m) : null;
    },
    async getUserByAccount() {
      return null;
    },
    async updateUser(user) {
      const db = await getDb();
      const fields: Parameters<typeof updateMember>[2] = {};
      if (user.emailVerified !== undefined) fields.emailVerifiedAt = user.emailVerified;
      if (user.name !== undefined) fields.name = user.name;
      const m = await updateMember(db, memberId(user.id), fields);
      if (!m) throw new Error("unknown member");
      return toUser(m);
    },
    async linkAccount() {
      return undefined;
    },
    async createVerificationToken(token) {
      const db = await getDb();
      await db.insert(verificationTokens).values(token);
      return token;
    },
    // Deleting while reading makes every link single-use, even under concurrent clicks.
    async useVerificationToken({ identifier, token }) {
      const db = await getDb();
      const [row] = await db
        .delete(verificationTokens)
        .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)))
        .returning();
      return row ?? null;
    },
  };
}
