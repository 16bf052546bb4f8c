import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { insertApiToken, revokeApiToken } from "@/db/queries/studio-tokens";
import { AppError } from "@/lib/http/errors";
import { recordAudit, type Actor } from "@/lib/studio/audit";

export const TOKEN_PREFIX = "mh_";

// Tokens are 32 random bytes; only their SHA-256 is stored, so a database leak yields no usable
// token. A fast hash is fine here: the secret has 256 bits of entropy, nothing to brute-force.
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(db: Db, actor: Actor, name: string): Promise<{ id: number; token: string; prefix: string }> {
  const clean = name.trim();
  if (!clean || clean.length > 100) throw new AppError("invalid", "name", "토큰 이름을 1–100자로 입력하세요 (name is required).");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const row = await db.transaction(async (tx) => {
    // A token works in the publication it was made in (design §10).
    const created = await insertApiToken(tx, {
      name: clean,
      tokenHash: hashToken(token),
      prefix,
      createdBy: actor.memberId,
      publicationId: actor.publicationId,
    });
    await recordAudit(tx, actor, {
      action: "token.create",
      subjectType: "api_token",
      subjectId: created.id,
      summary: `API 토큰 생성: ${clean}`,
      details: { prefix },
    });
    return created;
  });
  return { id: row.id, token, prefix };
}

export async function revokeToken(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    // A network admin may revoke any token, network tokens included (a leaked one works on every
    // publication); a publication's admin only that publication's own.
    const row = actor.network
      ? await revokeApiToken(tx, null, id, new Date())
      : actor.publicationId === null
        ? null
        : await revokeApiToken(tx, actor.publicationId, id, new Date());
    if (!row) {
      throw new AppError(
        "not_found",
        "token",
        actor.network ? "No active token has this id." : "No active token of this publication has this id (network tokens are revoked by a network admin).",
      );
    }
    await recordAudit(tx, actor, {
      action: "token.revoke",
      subjectType: "api_token",
      subjectId: id,
      summary: `API 토큰 폐기: ${row.name}`,
      details: { prefix: row.prefix },
    });
  });
}
