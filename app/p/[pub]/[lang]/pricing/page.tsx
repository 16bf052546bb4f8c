import type { Metadata } from "next";
import { dict } from "@/lib/i18n";
import { getPlans } from "@/lib/pricing/reader";
import { pageContext, pageLang, type PageParams } from "../lang";
import { PlanCards } from "./plan-cards";

export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<PageParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = dict(await pageLang(params)).pricing;
  return { title: t.title, description: t.intro };
}

export default async function PricingPage({ params }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = dict(lang).pricing;
  const plans = await getPlans(pub.id);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex max-w-2xl flex-col gap-2">
        <h1 className="headline text-3xl font-bold">{t.title}</h1>
        <p className="text-muted">{t.intro}</p>
      </header>
      <PlanCards plans={plans} lang={lang} />
    </div>
  );
}
