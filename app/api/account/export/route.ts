import { getDb } from "@/db/client";
import { buildMemberExport } from "@/lib/account/export";
import { getViewer } from "@/lib/auth/viewer";
import { requireRequestPublication } from "@/lib/publications/current";

export const dynamic = "force-dynamic";

// "Download my data": the signed-in member's own records as a JSON attachment; 401 otherwise.
// The member id comes from the session only, so no request can name another member.
export async function GET(req: Request) {
  const pub = requireRequestPublication(req);
  const viewer = await getViewer(pub.id);
  const headers = { "Cache-Control": "private, no-store" };
  if (!viewer.signedIn) return Response.json({ error: { code: "unauthorized:account", message: "Sign in to download your data." } }, { status: 401, headers });
  const now = new Date();
  const data = await buildMemberExport(await getDb(), viewer.member.id, now);
  if (!data) return Response.json({ error: { code: "not_found:account", message: "No such account." } }, { status: 404, headers });
  const day = now.toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="masthead-account-${day}.json"` },
  });
}
