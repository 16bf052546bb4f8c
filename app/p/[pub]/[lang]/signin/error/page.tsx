import Link from "next/link";
import { dict, localePath } from "@/lib/i18n";
import { pageLang, type PageParams } from "../../lang";
import { privatePageMetadata, firstParam } from "../../_lib/private-page";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ error?: string | string[] }> };

export const generateMetadata = privatePageMetadata((lang) => dict(lang).signin.errorTitle);

// next-auth sends expired, reused and unknown links here with ?error=Verification.
export default async function SignInErrorPage({ params, searchParams }: Props) {
  const lang = await pageLang(params);
  const t = dict(lang).signin;
  const { error } = await searchParams;
  const expired = firstParam(error) === "Verification";
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 py-8 text-center">
      <h1 className="headline text-3xl font-bold">{t.errorTitle}</h1>
      <p className="text-muted">{expired ? t.errorExpired : t.errorGeneric}</p>
      <Link href={localePath(lang, "/signin")} className="self-center rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
        {t.again}
      </Link>
    </div>
  );
}
