import { SignInForm } from "../_components/signin-form";
import { safeCallback } from "@/lib/auth/callback-url";
import { dict } from "@/lib/i18n";
import { pageLang, type PageParams } from "../lang";
import { privatePageMetadata, firstParam } from "../_lib/private-page";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ callbackUrl?: string | string[] }> };

export const generateMetadata = privatePageMetadata((lang) => dict(lang).signin.title);

export default async function SignInPage({ params, searchParams }: Props) {
  const lang = await pageLang(params);
  const t = dict(lang).signin;
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallback(firstParam(raw), lang === "en" ? "/en" : "/");
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 py-8">
      <h1 className="headline text-3xl font-bold">{t.title}</h1>
      <p className="text-muted">{t.intro}</p>
      <SignInForm lang={lang} callbackUrl={callbackUrl} />
    </div>
  );
}
