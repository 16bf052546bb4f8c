import Link from "next/link";
import { dict } from "@/lib/i18n";
import type { TierCount } from "@/lib/studio/member-tiers";

const t = dict("ko").studioMembers;

// Counts per tier; each links to the list filtered by that tier.
export function TierCounts({ counts, active, q }: { counts: TierCount[]; active: string; q: string }) {
  const href = (slug: string) => `/studio/members?${new URLSearchParams({ ...(q ? { q } : {}), tier: slug }).toString()}`;
  return (
    <nav aria-label={t.counts}>
      <ul className="flex flex-wrap gap-2 text-sm" data-testid="tier-counts">
        {counts.map((c) => (
          <li key={c.slug}>
            <Link
              href={href(c.slug)}
              data-tier={c.slug}
              data-count={c.count}
              aria-current={active === c.slug ? "page" : undefined}
              className={`rounded border px-2 py-1 ${active === c.slug ? "border-ink bg-ink text-white" : "border-rule bg-white"}`}
            >
              {t.countLine(c.label, c.count)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
