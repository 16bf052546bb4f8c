import type { NextRequest } from "next/server";
import { claimsUntil, judgeSession, sessionValidOn } from "@/lib/auth/claims";
import { epochKnowledge } from "@/lib/auth/epochs";
import { verifySession } from "@/lib/auth/proxy-session";
import { remintSession } from "@/lib/auth/remint";
import { sessionCookieDomain, sessionCookieName } from "@/lib/auth/session-cookie";
import { publicationTable } from "@/lib/publications/table";
import { getTiers } from "@/lib/articles/reader";
import { withErrors } from "@/lib/http/errors";
import { requireRequestPublication } from "@/lib/publications/current";

export const dynamic = "force-dynamic";

type Me = { signedIn: true; email: string | null; name: string | null; role: string; tier: string; until: string | null; epoch: number };
type Answer = { me: Me | null; setCookie: string | null };

// The small per-user endpoint behind the account menu and the session watcher, asked on every
// signed-in page view, window focus and once a minute per tab. Personal data is served here, never
// rendered into the cached pages. A session this instance can vouch for (the proxy's judgement,
// lib/auth/claims.ts) is answered from its verified claims with no query; a stale one is
// re-derived from the database and its cookie re-minted, so the next call is free again.
async function currentMe(request: NextRequest, publicationId: number, now: Date): Promise<Answer> {
  const session = await verifySession(request, sessionCookieName(), now);
  if (!session) return { me: null, setCookie: null };
  const { claims } = session;
  // A session of another publication's host is signed out here (lib/auth/claims.ts sessionValidOn).
  const primaryId = publicationTable()?.primary.id ?? publicationId;
  if (!sessionValidOn(claims.sp, publicationId, primaryId, Boolean(sessionCookieDomain()))) return { me: null, setCookie: null };
  const verdict = judgeSession(claims, epochKnowledge(claims.mid), publicationId, now);
  if (verdict.kind === "fresh") {
    const until = claimsUntil(claims, publicationId, now);
    const me: Me = {
      signedIn: true,
      email: session.email,
      name: session.name,
      role: claims.role,
      tier: verdict.tier,
      until: until === null ? null : new Date(until).toISOString(),
      epoch: claims.epoch,
    };
    return { me, setCookie: null };
  }
  const reminted = await remintSession(request, publicationId);
  if (reminted.kind === "gone") return { me: null, setCookie: reminted.setCookie };
  const { member, access } = reminted.access;
  const me: Me = {
    signedIn: true,
    email: member.email,
    name: member.name,
    role: member.role,
    tier: access.tier.slug,
    until: access.until?.toISOString() ?? null,
    epoch: member.accessEpoch,
  };
  return { me, setCookie: reminted.setCookie };
}

// The reader's standing in the publication at the request's host.
export const GET = withErrors(async (request: NextRequest) => {
  const pub = requireRequestPublication(request);
  const { me, setCookie } = await currentMe(request, pub.id, new Date());
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  if (setCookie) headers["Set-Cookie"] = setCookie;
  if (!me) return Response.json({ signedIn: false, tier: "anon" }, { headers });
  // Tier names from the cached tiers read (tag-revalidated), not a query per call.
  const tier = (await getTiers(pub.id)).find((t) => t.slug === me.tier);
  return Response.json({ ...me, tierName: tier ? { ko: tier.name, en: tier.nameEn } : null }, { headers });
});
