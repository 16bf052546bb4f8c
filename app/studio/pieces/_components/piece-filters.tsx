import { ghostButtonClass, inputClass, OptionList, LabeledControl } from "../../_components/ui";

type Option = { value: string; label: string };
type Values = { status?: string; section?: string; author?: string; access?: string; q?: string };

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: Option[] }) {
  return (
    <LabeledControl label={label}>
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">전체</option>
        <OptionList options={options} />
      </select>
    </LabeledControl>
  );
}

// A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared.
export function PieceFilters({ values, sections, authors, tiers }: { values: Values; sections: Option[]; authors: Option[]; tiers: Option[] }) {
  const statuses = [
    { value: "draft", label: "초안 (draft)" },
    { value: "scheduled", label: "예약 (scheduled)" },
    { value: "published", label: "발행 (published)" },
  ];
  const access = [{ value: "public", label: "공개 (public)" }, { value: "free", label: "회원 (free)" }, ...tiers];
  return (
    <form method="get" className="grid grid-cols-2 items-end gap-3 rounded border border-rule bg-white p-3 md:grid-cols-6" aria-label="기사 필터">
      <LabeledControl label="검색" className="col-span-2">
        <input name="q" defaultValue={values.q ?? ""} placeholder="제목 또는 슬러그" className={inputClass} />
      </LabeledControl>
      <Select name="status" label="상태" value={values.status} options={statuses} />
      <Select name="section" label="섹션" value={values.section} options={sections} />
      <Select name="access" label="접근" value={values.access} options={access} />
      <Select name="author" label="저자" value={values.author} options={authors} />
      <button type="submit" className={`${ghostButtonClass} md:col-start-6`}>
        적용
      </button>
    </form>
  );
}
