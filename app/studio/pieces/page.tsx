import Link from "next/link";
import { getDb } from "@/db/client";
import { listStudioArticles, type StudioArticleFilter } from "@/db/queries/studio-articles";
import { listAuthors, listSections, listTiers } from "@/db/queries/taxonomy";
import { isPaidTier } from "@/lib/access";
import { requireStaffPage } from "@/lib/studio/guard";
import { PageTitle, buttonClass } from "../_components/ui";
import { PieceFilters } from "./_components/piece-filters";
import { PiecesTable } from "./_components/pieces-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);
const int = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

export default async function PiecesPage({ searchParams }: Props) {
  const actor = await requireStaffPage("editor");
  const pub = actor.publicationId;
  const sp = await searchParams;
  const db = await getDb();
  const status = one(sp.status);
  const filter: StudioArticleFilter = {
    status: status === "draft" || status === "scheduled" || status === "published" ? status : undefined,
    sectionId: int(one(sp.section)),
    authorId: int(one(sp.author)),
    access: one(sp.access),
    q: one(sp.q),
  };
  const now = new Date();
  const [rows, sections, authors, tiers] = await Promise.all([
    listStudioArticles(db, pub, filter, now, 100),
    listSections(db, pub),
    listAuthors(db, pub),
    listTiers(db, pub),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle
        actions={
          <Link href="/studio/pieces/new" className={buttonClass}>
            새 기사 쓰기
          </Link>
        }
      >
        기사
      </PageTitle>
      <PieceFilters
        values={{ status: one(sp.status), section: one(sp.section), author: one(sp.author), access: one(sp.access), q: one(sp.q) }}
        sections={sections.map((s) => ({ value: String(s.id), label: s.name }))}
        authors={authors.map((a) => ({ value: String(a.id), label: a.name }))}
        tiers={tiers.filter(isPaidTier).map((t) => ({ value: t.slug, label: t.name }))}
      />
      <PiecesTable rows={rows} now={now} />
    </div>
  );
}
