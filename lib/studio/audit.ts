import type { Db } from "@/db/client";
import { insertAudit } from "@/db/queries/studio-audit";

// Who made a change, and in which publication: a signed-in staff member (in the studio's
// publication), an Admin API token (in the publication at its request's host), or the operator CLI.
// `network`: may act across publications (network admins, the bootstrap token, the CLI).
export type Actor = { memberId: number | null; label: string; role: "editor" | "admin"; publicationId: number | null; network: boolean };

export const cliActor = (label = "cli", publicationId: number | null = null): Actor => ({ memberId: null, label, role: "admin", publicationId, network: true });

type Tx = Parameters<typeof insertAudit>[0];

export type AuditInput = {
  action: string;
  subjectType: string;
  subjectId: string | number;
  memberId?: number | null;
  // The publication changed, when it is not the actor's (null for network-wide changes).
  publicationId?: number | null;
  summary?: string;
  details?: Record<string, unknown>;
};

// Called inside the transaction that makes the change, so a change never lands without its entry.
export async function recordAudit(db: Tx | Db, actor: Actor, input: AuditInput) {
  return insertAudit(db, {
    publicationId: input.publicationId === undefined ? actor.publicationId : input.publicationId,
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
