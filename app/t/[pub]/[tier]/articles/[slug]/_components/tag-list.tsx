import Link from "next/link";
import { dict, localePath, type UiLang } from "@/lib/i18n";

export function TagList({ tags, lang }: { tags: { slug: string; name: string }[]; lang: UiLang }) {
  if (tags.length === 0) return null;
  const t = dict(lang);
  return (
    <nav aria-label={t.article.tags}>
      <ul className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link
              href={localePath(lang, `/tags/${tag.slug}`)}
              className="inline-block rounded-full border border-rule bg-white px-3 py-1 text-sm hover:border-ink"
            >
              #{tag.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
