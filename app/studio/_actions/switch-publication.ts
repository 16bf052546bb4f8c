"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { isSecureSite } from "@/lib/auth/session-cookie";
import { publicationBySlug } from "@/lib/publications/table";
import { STUDIO_PUBLICATION_COOKIE } from "@/lib/studio/studio-publication";

// The studio's publication switcher: remembers the chosen publication for this browser (a cookie
// holding its slug, no secret) when the member works there; every page and action re-checks the
// role in it anyway.
export async function switchStudioPublicationAction(fd: FormData): Promise<void> {
  const slug = String(fd.get("publication") ?? "");
  const pub = publicationBySlug(slug);
  const viewer = pub ? await getViewer(pub.id) : null;
  if (!pub || !viewer?.signedIn || viewer.staffRole === null) redirect("/studio?denied=publication");
  (await cookies()).set(STUDIO_PUBLICATION_COOKIE, pub.slug, {
    path: "/studio",
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureSite(),
    maxAge: 365 * 86_400,
  });
  redirect("/studio");
}
