import Image from "next/image";
import Link from "next/link";
import { dict, formatDate, localePath, type UiLang } from "@/lib/i18n";
import type { AuthorView } from "@/lib/articles/view-models";

export function AuthorBox({ author, lang, timeZone }: { author: AuthorView; lang: UiLang; timeZone: string }) {
  const t = dict(lang);
  return (
    <div className="flex gap-4 rounded border border-rule bg-white p-4">
      {author.avatarUrl ? <Image src={author.avatarUrl} alt="" width={64} height={64} className="h-16 w-16 shrink-0 rounded-full object-cover" /> : null}
      <div className="flex flex-col gap-1">
        <p className="font-bold">
          <Link href={localePath(lang, `/authors/${author.slug}`)} className="hover:underline">
            {author.name}
          </Link>
        </p>
        <p className="text-sm text-muted">{author.position}</p>
        <p className="text-sm">{author.bio}</p>
        <p className="text-xs text-muted">{t.article.memberSince(formatDate(author.joinedAt, lang, timeZone))}</p>
      </div>
    </div>
  );
}
