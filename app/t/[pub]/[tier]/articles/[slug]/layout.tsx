import { ReaderShell, readerViewport } from "@/app/_components/reader-shell";
import { getSections, getTierArticle } from "@/lib/articles/reader";
import { requirePagePublication } from "@/lib/publications/current";

export const viewport = readerViewport;

type Params = { pub: string; tier: string; slug: string };

// Root layout of the per-tier article render (/t/<publication>/<tier>/articles/<slug>): its UI
// language follows the piece's language. It reads no cookies or session, so the render is shared
// by every reader of the tier in that publication.
export default async function ArticleLayout({ children, params }: { children: React.ReactNode; params: Promise<Params> }) {
  const { pub: pubSlug, tier, slug } = await params;
  const pub = await requirePagePublication(pubSlug);
  const [data, sections] = await Promise.all([getTierArticle(pub.id, tier, slug), getSections(pub.id)]);
  const lang = data?.article.locale ?? pub.locale;
  return (
    <ReaderShell lang={lang} publication={pub} sections={sections}>
      {children}
    </ReaderShell>
  );
}
