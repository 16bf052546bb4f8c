import type { Metadata } from "next";
import { SignOutButton } from "../_components/signout-button";
import { dict } from "@/lib/i18n";
import { pageLang, type PageParams } from "../lang";

type Props = { params: Promise<PageParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: dict(await pageLang(params)).signin.signOutTitle, robots: { index: false } };
}

export default async function SignOutPage({ params }: Props) {
  const lang = await pageLang(params);
  const t = dict(lang).signin;
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-8 text-center">
      <h1 className="headline text-3xl font-bold">{t.signOutTitle}</h1>
      <p className="text-muted">{t.signOutBody}</p>
      <SignOutButton label={t.signOut} callbackUrl={lang === "en" ? "/en" : "/"} />
    </div>
  );
}
