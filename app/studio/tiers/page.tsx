import { getDb } from "@/db/client";
import { listTiers } from "@/db/queries/taxonomy";
import { getEnv } from "@/lib/env";
import { requireStaffPage } from "@/lib/studio/guard";
import { PageTitle } from "../_components/ui";
import { TierForm } from "./_components/tier-form";

export default async function TiersPage() {
  const actor = await requireStaffPage("admin");
  const tiers = await listTiers(await getDb(), actor.publicationId);
  const stripe = Boolean(getEnv().STRIPE_SECRET_KEY);
  return (
    <div className="flex flex-col gap-6">
      <PageTitle>등급과 가격</PageTitle>
      <p className="text-sm text-muted">
        순위(rank)가 높을수록 더 많은 기사를 엽니다. free는 0으로 고정입니다. 금액은 통화의 최소 단위(KRW는 원)입니다.
        {stripe ? " Stripe 키가 있어 가격을 Stripe에 바로 만들 수 있습니다." : " Stripe 키가 없으면 가격 ID를 직접 연결하세요."}
      </p>
      {tiers.map((t) => (
        <TierForm key={t.id} tier={t} stripe={stripe} />
      ))}
      <TierForm tier={null} stripe={stripe} />
    </div>
  );
}
