import { getDb } from "@/db/client";
import type { Author, Section, Tag } from "@/db/schema";
import { requireStaffPage } from "@/lib/studio/guard";
import { listTaxonomy } from "@/lib/studio/taxonomy";
import { listAllTags } from "@/db/queries/studio-taxonomy";
import { PageTitle } from "../_components/ui";
import { TaxonomyForm, type FieldSpec } from "./_components/taxonomy-form";

const authorFields = (a?: Author): FieldSpec[] => [
  { name: "slug", label: "슬러그", value: a?.slug ?? "" },
  { name: "name", label: "이름", value: a?.name ?? "" },
  { name: "email", label: "이메일 (API의 authorEmail)", value: a?.email ?? "" },
  { name: "position", label: "직함", value: a?.position ?? "" },
  { name: "avatarUrl", label: "사진 URL", value: a?.avatarUrl ?? "" },
  { name: "bio", label: "소개", value: a?.bio ?? "", multiline: true },
];
const sectionFields = (s?: Section): FieldSpec[] => [
  { name: "slug", label: "슬러그", value: s?.slug ?? "" },
  { name: "name", label: "이름", value: s?.name ?? "" },
  { name: "nameEn", label: "영문 이름", value: s?.nameEn ?? "" },
  { name: "seriesLabel", label: "시리즈 이름 (연재면)", value: s?.seriesLabel ?? "" },
  { name: "position", label: "순서", value: s?.position ?? 0, type: "number" },
  { name: "inNav", label: "머리글 메뉴에 표시", value: (s?.inNav ?? true) ? "on" : "", type: "checkbox" },
  { name: "description", label: "설명", value: s?.description ?? "", multiline: true },
  { name: "descriptionEn", label: "Description (English)", value: s?.descriptionEn ?? "", multiline: true },
];
const tagFields = (t?: Tag): FieldSpec[] => [
  { name: "slug", label: "슬러그", value: t?.slug ?? "" },
  { name: "name", label: "이름", value: t?.name ?? "" },
];

function Group<T extends { id: number; slug: string }>({
  title,
  kind,
  rows,
  label,
  fields,
}: {
  title: string;
  kind: "author" | "section" | "tag";
  rows: T[];
  label: (r: T) => string;
  fields: (r?: T) => FieldSpec[];
}) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h2 className="text-xl font-bold">{title}</h2>
      {rows.map((r) => (
        <details key={r.id} className="rounded border border-rule bg-white p-3">
          <summary className="cursor-pointer">
            {label(r)} <span className="text-xs text-muted">{r.slug}</span>
          </summary>
          <div className="mt-3">
            <TaxonomyForm kind={kind} id={r.id} fields={fields(r)} submitLabel="저장" />
          </div>
        </details>
      ))}
      <details className="rounded border border-dashed border-rule bg-white p-3">
        <summary className="cursor-pointer font-semibold">+ 새로 만들기</summary>
        <div className="mt-3">
          <TaxonomyForm kind={kind} id={null} fields={fields()} submitLabel="만들기" />
        </div>
      </details>
    </section>
  );
}

export default async function TaxonomyPage() {
  const actor = await requireStaffPage("editor");
  const db = await getDb();
  const [{ authors, sections }, tags] = await Promise.all([listTaxonomy(db, actor.publicationId), listAllTags(db, actor.publicationId)]);
  return (
    <div className="flex flex-col gap-8">
      <PageTitle>저자 · 섹션 · 태그</PageTitle>
      <Group title="저자" kind="author" rows={authors} label={(a) => a.name} fields={authorFields} />
      <Group title="섹션과 시리즈" kind="section" rows={sections} label={(s) => s.name} fields={sectionFields} />
      <Group title="태그" kind="tag" rows={tags} label={(t) => t.name} fields={tagFields} />
    </div>
  );
}
