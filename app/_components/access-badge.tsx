import { dict, type UiLang } from "@/lib/i18n";
import type { TierView } from "@/lib/articles/view-models";

export function accessLabel(access: string, tiers: TierView[], lang: UiLang): string | null {
  const t = dict(lang);
  if (access === "public") return null;
  if (access === "free") return t.access.free;
  const tier = tiers.find((x) => x.slug === access);
  return t.access.tier(tier ? (lang === "en" ? tier.nameEn : tier.name) : access);
}

export function AccessBadge({ access, tiers, lang }: { access: string; tiers: TierView[]; lang: UiLang }) {
  const label = accessLabel(access, tiers, lang);
  if (!label) return null;
  const paid = access !== "free";
  return (
    <span className={`inline-block rounded-sm px-1.5 py-0.5 text-xs font-semibold ${paid ? "bg-amber-100 text-gold" : "bg-slate-200 text-slate-800"}`}>
      {label}
    </span>
  );
}
