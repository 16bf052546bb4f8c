import type { Db } from "@/db/client";
import { ensureMember, getMemberByEmail } from "@/db/queries/members";
import { listTiers } from "@/db/queries/taxonomy";
import { roles, type Role } from "@/db/schema";
import { isPaidTier } from "@/lib/access";
import { createApiToken, revokeToken } from "@/lib/admin-api/tokens";
import { emailSchema } from "@/lib/auth/email";
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { grantPresets, resolvePresetEnd, type GrantPreset } from "../grant-presets";
import { grantWithAudit, revokeWithAudit, setRoleWithAudit } from "../member-changes";
import { flagString, parseInstant, UsageError, type ParsedArgs } from "./args";

// `scope`: "publication" commands work in one (--publication, default the primary); "network"
// commands span the install, and take --publication only where they say so.
export type Command = {
  usage: string;
  summary: string;
  scope?: "publication" | "network" | "optional";
  /** Bulk work (imports): the CLI lowers its CPU priority, and its database backend's where it can. */
  background?: boolean;
  run: (db: Db, actor: Actor, args: ParsedArgs, out: (line: string) => void) => Promise<void>;
};

function email(value: string | undefined): string {
  const parsed = emailSchema.safeParse(value ?? "");
  if (!parsed.success) throw new UsageError("a valid email address is required");
  return parsed.data;
}

function role(value: string | undefined): Role {
  if (!value || !(roles as readonly string[]).includes(value)) throw new UsageError(`role must be one of ${roles.join(", ")}`);
  return value as Role;
}

export const userCommands: Record<string, Command> = {
  "user:create": {
    usage: "user:create <email> [--name <name>] [--role reader|editor|admin]",
    summary: "Create a member (or report the existing one); optionally set the network role (every publication).",
    scope: "network",
    run: async (db, actor, args, out) => {
      const address = email(args.positionals[0]);
      const existed = await getMemberByEmail(db, address);
      const member = existed ?? (await ensureMember(db, address, { name: flagString(args, "name") ?? null }));
      if (!existed)
        await recordAudit(db, actor, {
          action: "member.create",
          subjectType: "member",
          subjectId: member.id,
          memberId: member.id,
          summary: `회원 생성: ${address}`,
        });
      const wanted = flagString(args, "role");
      if (wanted) await setRoleWithAudit(db, actor, member.id, role(wanted));
      out(`${existed ? "exists" : "created"}: #${member.id} ${member.email}${wanted ? ` (role ${wanted})` : ""}`);
    },
  },
  "user:role": {
    usage: "user:role <email> <reader|editor|admin>",
    summary: "Change a member's network role (every publication; sessions pick it up on their next request).",
    scope: "network",
    run: async (db, actor, args, out) => {
      const member = await getMemberByEmail(db, email(args.positionals[0]));
      if (!member) throw new UsageError("no member has this email (create it with user:create)");
      const updated = await setRoleWithAudit(db, actor, member.id, role(args.positionals[1]));
      out(`#${updated.id} ${updated.email}: role ${updated.role}`);
    },
  },
  grant: {
    usage: "grant <email> <tier> [--days N | --preset 7d|30d|90d|1y|lifetime | --until <ISO>] [--starts <ISO>] [--note <text>] [--publication <slug>]",
    summary: "Give a complimentary grant of a publication's tier (creates the member if needed). Default length: 30 days.",
    scope: "publication",
    run: async (db, actor, args, out) => {
      const address = email(args.positionals[0]);
      const tier = args.positionals[1];
      const paid = (await listTiers(db, actor.publicationId!)).filter(isPaidTier).map((t) => t.slug);
      if (!tier || !paid.includes(tier)) throw new UsageError(`tier must be one of ${paid.join(", ")}`);
      const startsAt = flagString(args, "starts") ? parseInstant(flagString(args, "starts")!, "starts") : new Date();
      const endsAt = resolveEnd(args, startsAt);
      const { grant } = await grantWithAudit(db, actor, {
        email: address,
        tierSlug: tier,
        startsAt,
        endsAt,
        source: "comp",
        note: flagString(args, "note") ?? null,
      });
      out(`grant #${grant.id}: ${address} ${tier} ${startsAt.toISOString()} → ${endsAt?.toISOString() ?? "lifetime"}`);
    },
  },
  revoke: {
    usage: "revoke <grantId> [--reason <text>] [--publication <slug>]",
    summary: "Revoke a grant of the publication now.",
    scope: "publication",
    run: async (db, actor, args, out) => {
      const id = Number(args.positionals[0]);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError("grantId must be a positive integer");
      const grant = await revokeWithAudit(db, actor, id, flagString(args, "reason") ?? "revoked with the operator CLI");
      out(`grant #${grant.id} revoked at ${grant.revokedAt?.toISOString()}`);
    },
  },
  "token:create": {
    usage: "token:create <name> [--publication <slug>]",
    summary:
      "Create an Admin API token (for one publication, or without --publication a network token for every one); the secret is printed once and stored only as a hash.",
    scope: "optional",
    run: async (db, actor, args, out) => {
      const created = await createApiToken(db, actor, args.positionals.join(" "));
      out(`token #${created.id} (${created.prefix}…) — copy it now, it is not shown again:`);
      out(created.token);
    },
  },
  "token:revoke": {
    usage: "token:revoke <tokenId>",
    summary: "Revoke an Admin API token of any publication, network tokens included (the CLI acts as a network admin).",
    scope: "network",
    run: async (db, actor, args, out) => {
      const id = Number(args.positionals[0]);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError("tokenId must be a positive integer");
      await revokeToken(db, actor, id);
      out(`token #${id} revoked`);
    },
  },
};

function resolveEnd(args: ParsedArgs, startsAt: Date): Date | null {
  const until = flagString(args, "until");
  const days = flagString(args, "days");
  const preset = flagString(args, "preset") ?? (args.flags.lifetime === true ? "lifetime" : undefined);
  if (until) return resolvePresetEnd("custom", startsAt, parseInstant(until, "until"));
  if (days) {
    const n = Number(days);
    if (!Number.isFinite(n) || n <= 0 || n > 36_500) throw new UsageError("--days must be a positive number");
    return new Date(startsAt.getTime() + n * 86_400_000);
  }
  if (preset) {
    if (!(grantPresets as readonly string[]).includes(preset) || preset === "custom") throw new UsageError("--preset must be 7d, 30d, 90d, 1y or lifetime");
    return resolvePresetEnd(preset as GrantPreset, startsAt, null);
  }
  return resolvePresetEnd("30d", startsAt, null);
}
