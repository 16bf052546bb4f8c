"use client";

import { useState } from "react";
import type { ActionError } from "@/lib/studio/action-result";
import { Field, FieldError, inputClass, OptionList } from "../../_components/ui";
import { HeroUpload } from "./hero-upload";
import type { EditorOptions, PieceFormValues } from "./types";

// Text fields with nothing but a label, in the order they appear after the hero image.
const plainTextFields = [
  ["heroAlt", "대체 텍스트 (alt)"],
  ["heroCaption", "이미지 설명 (caption)"],
  ["heroCredit", "출처 (credit)"],
  ["seoTitle", "SEO 제목"],
] as const satisfies readonly (readonly [keyof PieceFormValues, string])[];

// Byline, section, tags, language, hero image and SEO fields of the editor (uncontrolled inputs).
export function PieceMetaFields({ initial, options, error }: { initial: PieceFormValues; options: EditorOptions; error: ActionError | null }) {
  const [heroImage, setHeroImage] = useState(initial.heroImage);
  return (
    <div className="grid gap-4 rounded border border-rule bg-white p-3 md:grid-cols-2">
      <fieldset className="flex flex-col gap-1 md:col-span-2">
        <legend className="text-sm font-semibold">저자</legend>
        <div className="flex flex-wrap gap-3">
          {options.authors.map((a) => (
            <label key={a.value} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="authorSlugs" value={a.value} defaultChecked={initial.authorSlugs.includes(a.value)} />
              {a.label}
            </label>
          ))}
        </div>
        <FieldError error={error} field={["authorSlugs", "authorEmail"]} />
      </fieldset>
      <Field label="섹션" htmlFor="section">
        <select id="section" name="section" defaultValue={initial.section} className={inputClass}>
          <option value="">(없음)</option>
          <OptionList options={options.sections} />
        </select>
        <FieldError error={error} field="section" />
      </Field>
      <Field label="언어" htmlFor="locale">
        <select id="locale" name="locale" defaultValue={initial.locale} className={inputClass}>
          <option value="ko">한국어</option>
          <option value="en">English</option>
        </select>
      </Field>
      <div className="md:col-span-2">
        <Field label="태그 (쉼표로 구분)" htmlFor="tags">
          <input id="tags" name="tags" defaultValue={initial.tags} className={inputClass} />
          <FieldError error={error} field="tags" />
        </Field>
      </div>
      <Field label="대표 이미지 URL" htmlFor="heroImage" hint="/images/… 또는 업로드한 이미지 (사이트 경로)">
        <input id="heroImage" name="heroImage" value={heroImage} onChange={(e) => setHeroImage(e.target.value)} className={inputClass} />
        <FieldError error={error} field="heroImage" />
      </Field>
      <HeroUpload onUploaded={setHeroImage} />
      {plainTextFields.map(([name, label]) => (
        <Field key={name} label={label} htmlFor={name}>
          <input id={name} name={name} defaultValue={initial[name]} className={inputClass} />
        </Field>
      ))}
      <Field label="SEO 설명" htmlFor="seoDescription">
        <textarea id="seoDescription" name="seoDescription" rows={2} defaultValue={initial.seoDescription} className={inputClass} />
      </Field>
    </div>
  );
}
