"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { banMember, liftBan, moderateComment } from "@/lib/comments/moderation";
import { moderationVerbs, type ModerationVerb } from "@/lib/comments/moderation-verbs";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { requireStaffAction } from "@/lib/studio/guard";

const idSchema = z.number().int().positive();

// Editors and admins only: each action resolves the staff member on the server first (a crafted
// request from anyone else is answered 403), then lib/comments/moderation does the work.
export async function moderateCommentAction(commentId: number, verb: ModerationVerb): Promise<ActionResult<{ slug: string }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const result = await moderateComment(await getDb(), actor, idSchema.parse(commentId), z.enum(moderationVerbs).parse(verb));
    revalidatePath("/studio/comments");
    return result;
  });
}

export type BanFormInput = { memberId: number; until: string | null; reason: string };

export async function banMemberAction(input: BanFormInput): Promise<ActionResult<{ until: string | null }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const ban = await banMember(await getDb(), actor, input);
    revalidatePath("/studio/comments");
    return { until: ban.until?.toISOString() ?? null };
  });
}

export async function liftBanAction(memberId: number): Promise<ActionResult<{ lifted: number }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const lifted = await liftBan(await getDb(), actor, idSchema.parse(memberId));
    revalidatePath("/studio/comments");
    return { lifted };
  });
}
