import { readUpload } from "@/lib/studio/uploads";

export const dynamic = "force-dynamic";

// Serves uploaded hero images (public: a hero shows with the teaser too). Names are content
// hashes, so a file never changes and may be cached for good.
export async function GET(_req: Request, ctx: { params: Promise<{ name: string }> }) {
  const file = await readUpload((await ctx.params).name);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: { "Content-Type": file.type, "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
}
