import { getDb } from "@/db/client";
import { listTiers } from "@/db/queries/taxonomy";
import { FREE_SLUG, PUBLIC_ACCESS } from "@/lib/access";
import { dict } from "@/lib/i18n";
import { DEFAULT_PROTECTED_ACCESS, protectedAccessChoices } from "@/lib/import/protected-access";
import { requireStaffPage } from "@/lib/studio/guard";
import { PageTitle } from "../_components/ui";
import { ImportUpload } from "./_components/import-upload";

export default async function ImportPage() {
  const actor = await requireStaffPage("admin");
  const t = dict("ko");
  const tiers = await listTiers(await getDb(), actor.publicationId);
  const label = (slug: string) =>
    slug === PUBLIC_ACCESS ? t.access.public : slug === FREE_SLUG ? t.access.free : t.access.tier(tiers.find((x) => x.slug === slug)?.name ?? slug);
  const accessOptions = protectedAccessChoices(tiers).map((value) => ({ value, label: t.studioImport.accessOption(label(value), value) }));
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>WordPress 가져오기</PageTitle>
      <p className="text-sm text-muted">
        WordPress 관리자 → 도구 → 내보내기로 받은 WXR(XML) 파일을 올리세요. 글·페이지·초안, 글쓴이, 카테고리(→ 섹션), 태그, 대표 이미지를 가져오고 옛
        주소(/?p=123, /2024/03/글-주소/, /글-주소/, 카테고리·글쓴이 보관함)는 새 주소로 영구 이동합니다. 같은 파일을 다시 올려도 바뀌는 것은 없습니다. 명령줄:{" "}
        <code>npm run masthead -- import:wxr 파일.xml [--protected-access free]</code>
      </p>
      <p className="text-sm text-muted">{t.studioImport.reimportNote}</p>
      <p className="text-sm">
        <a href="/studio/import/members" className="font-semibold hover:underline">
          회원과 유료 권한 가져오기 (PMPro, Ghost, Substack, CSV) →
        </a>
      </p>
      <ImportUpload accessOptions={accessOptions} defaultAccess={DEFAULT_PROTECTED_ACCESS} />
    </div>
  );
}
