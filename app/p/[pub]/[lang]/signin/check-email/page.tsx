import type { Metadata } from "next";
import { dict } from "@/lib/i18n";
import { pageLang, type PageParams } from "../../lang";

type Props = { params: Promise<PageParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: dict(await pageLang(params)).signin.checkTitle, robots: { index: false } };
}

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
