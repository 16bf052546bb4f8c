import { FREE_SLUG, isPaidTier } from "@/lib/access";
import { MemberImportOptionError, type SourceEntry } from "./types";

// Source levels → the publication's tiers. An explicit mapping (`--map Gold=premium`, the studio's
// selects) wins; otherwise a level named like a tier (its slug, Korean or English name) maps to it.
// Targets: a paid tier's slug, `free` (a member without a grant) or `skip` (rows of that level are
// not imported). A level that maps nowhere is an error the dry run lists with its lines.

export type MappingTier = { slug: string; name: string; nameEn: string; rank: number };
export type TierTarget = { kind: "tier"; slug: string; rank: number } | { kind: "free" } | { kind: "skip" };

export const MAP_FREE = "free";
export const MAP_SKIP = "skip";

const key = (s: string) => s.normalize("NFC").trim().toLowerCase();

/** `Gold=premium`, `Gold Member=premium,Silver=supporter` → {level: target}. The last `=` splits. */
export function parseMapArgs(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    for (const pair of value.split(",")) {
      if (!pair.trim()) continue;
      const eq = pair.lastIndexOf("=");
      if (eq <= 0 || eq === pair.length - 1) throw new MemberImportOptionError(`--map "${pair}" is not level=tier`);
      out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return out;
}

export type LevelResolver = { resolve: (entry: Pick<SourceEntry, "level" | "levelAliases">) => TierTarget | null; targets: string[] };

export function levelResolver(explicit: Record<string, string>, tiers: readonly MappingTier[]): LevelResolver {
  const paid = tiers.filter(isPaidTier);
  const targets = [...paid.map((t) => t.slug), MAP_FREE, MAP_SKIP];
  const target = (slug: string): TierTarget | null => {
    const s = key(slug);
    if (s === MAP_FREE) return { kind: "free" };
    if (s === MAP_SKIP) return { kind: "skip" };
    const tier = paid.find((t) => t.slug === s);
    return tier ? { kind: "tier", slug: tier.slug, rank: tier.rank } : null;
  };
  const byLevel = new Map<string, TierTarget>();
  for (const [level, slug] of Object.entries(explicit)) {
    const t = target(slug);
    if (!t) throw new MemberImportOptionError(`--map ${level}=${slug}: "${slug}" is not a tier of this publication (use ${targets.join(", ")})`);
    byLevel.set(key(level), t);
  }
  // Named like a tier: its slug, or either of its names.
  const auto = new Map<string, TierTarget>();
  for (const t of paid) for (const name of [t.slug, t.name, t.nameEn]) if (name) auto.set(key(name), { kind: "tier", slug: t.slug, rank: t.rank });
  auto.set(FREE_SLUG, { kind: "free" });
  return {
    targets,
    resolve: (entry) => {
      if (entry.level === null) return { kind: "free" };
      for (const k of [entry.level, ...entry.levelAliases]) {
        const hit = byLevel.get(key(k));
        if (hit) return hit;
      }
      return auto.get(key(entry.level)) ?? null;
    },
  };
}

/** The level as the report and the studio's mapping selects name it. */
export const levelLabel = (entry: Pick<SourceEntry, "level">) => entry.level ?? "(free)";
