import type { Db } from "@/db/client";
import { insertAudit } from "@/db/queries/studio-audit";

// Who made a change: a signed-in staff member, an Admin API token, or the operator CLI.
export type Actor = { memberId: number | null; label: string; role: "editor" | "admin" };

export const cliActor = (label = "cli"): Actor => ({ memberId: null, label, role: "admin" });

type Tx = Parameters<typeof insertAudit>[0];

export type AuditInput = {
  action: string;
  subjectType: string;
  subjectId: string | number;
  memberId?: number | null;
  summary?: string;
  details?: Record<string, unknown>;
};

// Called inside the transaction that makes the change, so a change never lands without its entry.
export async function recordAudit(db: Tx | Db, actor: Actor, input: AuditInput) {
  return insertAudit(db, {
    actorMemberId: actor.memberId,
    actorLabel: actor.label,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: String(input.subjectId),
    memberId: input.memberId ?? null,
    summary: input.summary ?? "",
    details: input.details ?? {},
  });
}
