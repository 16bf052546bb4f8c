import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog } from "../schema";

type Tx = Pick<Db, "insert" | "select">;
export type NewAuditEntry = typeof auditLog.$inferInsert;

export async function insertAudit(db: Tx, entry: NewAuditEntry) {
  const [row] = await db.insert(auditLog).values(entry).returning();
  return row;
}

export type AuditFilter = { publicationId?: number; memberId?: number; subjectType?: string; subjectId?: string; action?: string; before?: number };

// Newest first; `before` pages by id so paging stays stable while new entries arrive.
export async function listAudit(db: Tx, filter: AuditFilter = {}, limit = 50) {
  const conds: SQL[] = [];
  if (filter.publicationId !== undefined) conds.push(eq(auditLog.publicationId, filter.publicationId));
  if (filter.memberId !== undefined) conds.push(eq(auditLog.memberId, filter.memberId));
  if (filter.subjectType) conds.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) conds.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.action) conds.push(eq(auditLog.action, filter.action));
  if (filter.before !== undefined) conds.push(lt(auditLog.id, filter.before));
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
