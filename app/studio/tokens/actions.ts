"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createApiToken, revokeToken } from "@/lib/admin-api/tokens";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { requireStaffAction } from "@/lib/studio/guard";

export type CreatedToken = { id: number; token: string; prefix: string };

// Admins only: an editor or reader posting here directly gets a 403.
export async function createTokenAction(_prev: ActionResult<CreatedToken> | null, fd: FormData): Promise<ActionResult<CreatedToken>> {
  const actor = await requireStaffAction("admin");
  return runAction(async () => {
    const created = await createApiToken(await getDb(), actor, String(fd.get("name") ?? ""));
    refresh();
    return created;
  });
}

export async function revokeTokenAction(id: number): Promise<ActionResult<{ id: number }>> {
  const actor = await requireStaffAction("admin");
  return runAction(async () => {
    await revokeToken(await getDb(), actor, z.number().int().positive().parse(id));
    refresh();
    return { id };
  });
}
