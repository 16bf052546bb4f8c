import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError, readJson, withErrors } from "@/lib/http/errors";
import { internalRevalidateSecret } from "@/lib/studio/publish-clock";
import { revalidateContent } from "@/lib/studio/revalidate";

export const dynamic = "force-dynamic";

const digest = (s: string) => createHash("sha256").update(s).digest();

const bodySchema = z.object({
  publicationId: z.number().int().positive().nullable(),
  slugs: z.array(z.string().max(200)).max(5000),
  lists: z.boolean().optional(),
  taxonomy: z.boolean().optional(),
  tiers: z.boolean().optional(),
  related: z.array(z.string().max(100)).max(5000).optional(),
  publications: z.boolean().optional(),
  all: z.boolean().optional(),
});

// Loopback endpoint for this process's publish clock and content listener (lib/studio/
// publish-clock.ts): revalidateTag needs a request context, which a timer does not have. The
// secret is random per process and never leaves memory, so nothing outside can call this.
export const POST = withErrors(async (req: Request) => {
  const given = req.headers.get("x-masthead-internal") ?? "";
  if (!timingSafeEqual(digest(given), digest(internalRevalidateSecret()))) throw new AppError("forbidden", "internal", "Not allowed.");
  const change = bodySchema.parse(await readJson(req, 512 * 1024));
  revalidateContent({ ...change, lists: change.lists ?? false });
  return Response.json({ ok: true });
});
