import { SignOutButton } from "../_components/signout-button";
import { dict } from "@/lib/i18n";
import { pageLang, type PageParams } from "../lang";
import { privatePageMetadata } from "../_lib/private-page";

type Props = { params: Promise<PageParams> };

export const generateMetadata = privatePageMetadata((lang) => dict(lang).signin.signOutTitle);

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
