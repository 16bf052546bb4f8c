import { dict } from "@/lib/i18n";
import { pageLang, type PageParams } from "../../lang";
import { privatePageMetadata } from "../../_lib/private-page";

type Props = { params: Promise<PageParams> };

export const generateMetadata = privatePageMetadata((lang) => dict(lang).signin.checkTitle);

export default async function CheckEmailPage({ params }: Props) {
  const t = dict(await pageLang(params)).signin;
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 py-8 text-center">
      <p className="text-5xl" aria-hidden="true">
        ✉️
      </p>
      <h1 className="headline text-3xl font-bold">{t.checkTitle}</h1>
      <p className="text-muted">{t.checkBody}</p>
    </div>
  );
}
