import type { Db } from "@/db/client";
import { getPrimaryPublication, getPublicationBySlug } from "@/db/queries/publications";
import { flagString, UsageError, type ParsedArgs } from "@/lib/studio/cli/args";
import type { Command } from "@/lib/studio/cli/commands";
import { createPublication, setBundleByKeys } from "./admin";

// The publication a CLI command works in: --publication <slug>, else the primary (one-site
// installs need no flag); network commands take none, "optional" ones only when given.
export async function cliPublication(db: Db, args: ParsedArgs, command: Command): Promise<number | null> {
  const slug = flagString(args, "publication");
  if (command.scope === "network" || (command.scope === "optional" && !slug)) {
    if (slug && command.scope === "network") throw new UsageError("this command works across publications: drop --publication");
    return null;
  }
  const pub = slug ? await getPublicationBySlug(db, slug) : await getPrimaryPublication(db);
  if (!pub) throw new UsageError(slug ? `no publication "${slug}" (see publication:list)` : "the database has no primary publication");
  return pub.id;
}

const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export const publicationCommands: Record<string, Command> = {
  "publication:create": {
    usage: "publication:create --slug <slug> --host <hostname>[,<hostname>…] --name <name> [--name-en <name>] [--locale ko|en]",
    summary: "Create a publication answering on its hostnames, with the tiers free and premium to start.",
    scope: "network",
    run: async (db, actor, args, out) => {
      const slug = flagString(args, "slug");
      const name = flagString(args, "name");
      const hosts = list(flagString(args, "host"));
      if (!slug || !name || !hosts.length) throw new UsageError("--slug, --host and --name are required");
      const locale = flagString(args, "locale") ?? "ko";
      if (locale !== "ko" && locale !== "en") throw new UsageError("--locale must be ko or en");
      const pub = await createPublication(db, actor, { slug, name, nameEn: flagString(args, "name-en"), hosts, locale });
      out(`publication ${pub.slug} (#${pub.id}) created on ${pub.hosts.join(", ")} with tiers free, premium`);
    },
  },
  "publication:list": {
    usage: "publication:list",
    summary: "List the publications with their hostnames.",
    scope: "network",
    run: async (db, _actor, _args, out) => {
      const { listPublications } = await import("@/db/queries/publications");
      for (const p of await listPublications(db)) out(`${p.slug}${p.isPrimary ? " (primary)" : ""}\t${p.name}\t${p.hosts.join(", ") || "SITE_URL's host"}`);
    },
  },
  "publication:bundle": {
    usage: "publication:bundle <tier> [<included tier>…]   (tiers as <publication>.<tier>, e.g. main.premium data.premium)",
    summary: "Set the tiers of other publications a tier includes (none ends the bundle).",
    scope: "network",
    run: async (db, actor, args, out) => {
      const [tier, ...included] = args.positionals;
      if (!tier) throw new UsageError("name the tier, e.g. main.premium");
      const result = await setBundleByKeys(db, actor, tier, included);
      out(`${tier} includes ${result.included.length ? included.join(", ") : "nothing"}`);
    },
  },
};
