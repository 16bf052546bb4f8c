import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import type { UiLang } from "@/lib/i18n";
import { signInHref } from "@/lib/routing/return-to";
import { pageLang, type PageParams } from "../lang";

// Pages of one reader (account, checkout, sign-in): titled in the page's language, never indexed.
export function privatePageMetadata(title: (lang: UiLang) => string) {
  return async function generateMetadata({ params }: { params: Promise<PageParams> }): Promise<Metadata> {
    return { title: title(await pageLang(params)), robots: { index: false } };
  };
}

/** The signed-in viewer, or a redirect to sign-in that comes back to `returnTo` (a path with its language prefix). */
export async function signedInViewer(publicationId: number, lang: UiLang, returnTo: string): Promise<Extract<Viewer, { signedIn: true }>> {
  const viewer = await getViewer(publicationId);
  if (!viewer.signedIn) redirect(signInHref(lang, returnTo));
  return viewer;
}

/** The first value of a search parameter that may repeat. */
export const firstParam = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
