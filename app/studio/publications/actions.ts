"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createPublication, setBundle } from "@/lib/publications/admin";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { requireNetworkAdminAction } from "@/lib/studio/guard";
import { revalidateContent } from "@/lib/studio/revalidate";

const text = (fd: FormData, k: string) => (typeof fd.get(k) === "string" ? String(fd.get(k)) : "");

// Network admins only: a publication editor or admin posting here directly gets a 403.
export async function createPublicationAction(_prev: ActionResult<{ slug: string }> | null, fd: FormData): Promise<ActionResult<{ slug: string }>> {
  const actor = await requireNetworkAdminAction();
  return runAction(async () => {
    const pub = await createPublication(await getDb(), actor, {
      slug: text(fd, "slug"),
      name: text(fd, "name"),
      nameEn: text(fd, "nameEn") || undefined,
      hosts: text(fd, "hosts")
        .split(/[\s,]+/)
        .filter(Boolean),
      locale: text(fd, "locale") === "en" ? "en" : "ko",
    });
    revalidateContent({ publicationId: null, slugs: [], lists: false, publications: true, tiers: true });
    refresh();
    return { slug: pub.slug };
  });
}

export async function setBundleAction(tierId: number, _prev: ActionResult<{ count: number }> | null, fd: FormData): Promise<ActionResult<{ count: number }>> {
  const actor = await requireNetworkAdminAction();
  return runAction(async () => {
    const ids = fd.getAll("includes").map((v) => z.coerce.number().int().positive().parse(v));
    const result = await setBundle(await getDb(), actor, z.number().int().positive().parse(tierId), ids);
    revalidateContent({ publicationId: null, slugs: [], lists: false, tiers: true });
    refresh();
    return { count: result.included.length };
  });
}
