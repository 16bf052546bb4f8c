import { getViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

// The small per-user endpoint behind the account menu and the session watcher. Personal data is
// served here, never rendered into the cached pages.
export async function GET() {
  const viewer = await getViewer();
  const headers = { "Cache-Control": "private, no-store" };
  if (!viewer.signedIn) return Response.json({ signedIn: false, tier: "anon" }, { headers });
  const tier = viewer.tiers.find((t) => t.slug === viewer.access.tier.slug);
  return Response.json(
    {
      signedIn: true,
      email: viewer.member.email,
      name: viewer.member.name,
      role: viewer.member.role,
      tier: viewer.access.tier.slug,
      tierName: tier ? { ko: tier.name, en: tier.nameEn } : null,
      until: viewer.access.until?.toISOString() ?? null,
      epoch: viewer.member.accessEpoch,
    },
    { headers },
  );
}
