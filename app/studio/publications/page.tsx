import { getDb } from "@/db/client";
import { listAllTiers } from "@/db/queries/publications";
import { isPaidTier } from "@/lib/access";
import { listPublicationViews, originOf } from "@/lib/publications/current";
import { requireNetworkAdminPage } from "@/lib/studio/guard";
import { DataTable } from "../_components/data-table";
import { PageTitle } from "../_components/ui";
import { BundleForm } from "./_components/bundle-form";
import { CreatePublicationForm } from "./_components/create-publication-form";

// Network admins: every publication of the install, a new one, and bundles (a paid tier of one
// publication that includes paid tiers of others).
export default async function PublicationsPage() {
  await requireNetworkAdminPage();
  const [publications, { tiers, includes }] = await Promise.all([listPublicationViews(), listAllTiers(await getDb())]);
  const nameOf = (id: number) => publications.find((p) => p.id === id)?.name ?? `#${id}`;
  const paid = tiers.filter(isPaidTier);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle>발행처</PageTitle>
      <DataTable testId="publications-table" columns={["이름", "슬러그", "주소", "언어"]}>
        {publications.map((p) => (
          <tr key={p.id} className="border-b border-rule">
            <td className="p-2 font-semibold">
              {p.name}
              {p.isPrimary ? <span className="ml-2 text-xs text-muted">(기본)</span> : null}
            </td>
            <td className="p-2">
              <code>{p.slug}</code>
            </td>
            <td className="p-2">
              <a href={originOf(p)} className="underline">
                {originOf(p)}
              </a>
            </td>
            <td className="p-2">{p.locale}</td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="new-publication" className="flex flex-col gap-2">
        <h2 id="new-publication" className="text-lg font-bold">
          새 발행처
        </h2>
        <CreatePublicationForm />
      </section>
      <section aria-labelledby="bundles" className="flex flex-col gap-2">
        <h2 id="bundles" className="text-lg font-bold">
          번들
        </h2>
        <p className="text-sm text-muted">
          한 발행처의 유료 등급이 다른 발행처의 등급을 포함하면, 그 회원은 포함된 발행처에서도 그 등급으로 읽습니다. 포함은 한 단계만 적용됩니다.
        </p>
        <div className="grid gap-3 md:grid-cols-2">
          {paid.map((t) => (
            <BundleForm
              key={t.id}
              tierId={t.id}
              tierLabel={`${nameOf(t.publicationId)} · ${t.name}`}
              options={paid.filter((o) => o.publicationId !== t.publicationId).map((o) => ({ id: o.id, label: `${nameOf(o.publicationId)} · ${o.name}` }))}
              included={includes.filter((l) => l.tierId === t.id).map((l) => l.includedTierId)}
            />
          ))}
        </div>
      </section>
    </div>
  );
}
