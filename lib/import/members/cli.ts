import fs from "node:fs";
import { AppError } from "@/lib/http/errors";
import { flagString, UsageError, type ParsedArgs } from "@/lib/studio/cli/args";
import type { Command } from "@/lib/studio/cli/commands";
import { fileEncodings, type FileEncoding } from "./decode";
import { BACKGROUND_DUTY, importMembers, MIN_DUTY, type MemberImportOptions } from "./importer";
import { parseMapArgs } from "./mapping";
import { describeMemberReport } from "./report";
import { memberImportFormats, MemberImportOptionError, type MemberImportFormat } from "./types";

// `npm run masthead -- import:members <file> --format pmpro|ghost|substack|csv …`: checks the
// whole file first (the dry run's report), then imports it in batches unless --dry-run or the
// check found errors. The file is streamed, twice; it is never read whole.

function progress(total: number) {
  let last = 0;
  return ({ phase, bytes, rows }: { phase: string; bytes: number; rows: number }) => {
    const done = bytes >= total;
    if (!process.stderr.isTTY && !done) return;
    const now = Date.now();
    if (!done && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = total ? Math.min(width, Math.round((bytes / total) * width)) : width;
    process.stderr.write(
      `\r${phase.padEnd(6)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${total ? Math.floor((bytes / total) * 100) : 100}% ${rows.toLocaleString("en")} rows   `,
    );
    if (done) process.stderr.write("\n");
  };
}

function yesNo(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (["yes", "true", "1"].includes(value)) return true;
  if (["no", "false", "0"].includes(value)) return false;
  throw new UsageError(`--${name} must be yes or no`);
}

// `--map A=x B=y` (the shared parser keeps one value per flag: the pairs after it arrive as
// positionals) and `--map A=x,B=y` both work.
function mapArgs(args: ParsedArgs): Record<string, string> {
  const values = [flagString(args, "map"), ...args.positionals.slice(1)].filter((v): v is string => Boolean(v));
  const stray = args.positionals.slice(1).find((p) => !p.includes("="));
  if (stray) throw new UsageError(`unexpected "${stray}": one file at a time, and --map takes level=tier pairs`);
  return parseMapArgs(values);
}

export function memberImportOptions(args: ParsedArgs): MemberImportOptions {
  const format = flagString(args, "format");
  if (!format || !(memberImportFormats as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${memberImportFormats.join(", ")}`);
  const encoding = flagString(args, "encoding") ?? "utf-8";
  if (!(fileEncodings as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be ${fileEncodings.join(" or ")}`);
  return {
    format: format as MemberImportFormat,
    encoding: encoding as FileEncoding,
    timeZone: flagString(args, "time-zone"),
    map: mapArgs(args),
    newsletterDefault: yesNo(flagString(args, "newsletter"), "newsletter"),
    paidUntil: flagString(args, "paid-until") ?? null,
    skipInvalid: args.flags["skip-invalid"] === true,
    dryRun: args.flags["dry-run"] === true,
    duty: duty(flagString(args, "duty")),
  };
}

function duty(value: string | undefined): number {
  if (value === undefined) return BACKGROUND_DUTY;
  const n = Number(value);
  if (!(n >= MIN_DUTY && n <= 1)) throw new UsageError(`--duty must be a share of the time between ${MIN_DUTY} and 1 (1: full speed)`);
  return n;
}

export const memberImportCommands: Record<string, Command> = {
  "import:members:notify": {
    usage: "import:members:notify [--publication <slug>]",
    scope: "publication",
    summary:
      'Send every member an import made at the publication the "your account has moved" notice, once each (asking again queues only accounts imported since).',
    run: async (db, actor, _args, out) => {
      const { queueAccountMovedNotices } = await import("@/lib/email/account-moved");
      const { queued, accounts } = await queueAccountMovedNotices(db, actor, actor.publicationId!);
      out(`${queued} notices queued for ${accounts} imported accounts; a running server sends them (EMAIL_SERVER, else its dev outbox).`);
    },
  },
  "import:members": {
    usage:
      "import:members <file.csv> --format pmpro|ghost|substack|csv [--publication <slug>] [--map <level>=<tier|free|skip> …] [--dry-run] [--newsletter yes|no] [--paid-until YYYY-MM-DD] [--skip-invalid] [--encoding utf-8|cp949] [--time-zone <IANA zone>] [--duty 0.05–1]",
    scope: "publication",
    background: true,
    summary:
      "Import members and their paid access (PMPro members list, Ghost members, Substack subscribers, or the generic CSV): time-limited grants from the source's dates, expired ones kept as history, newsletter consent and Stripe customers carried over. Checks the whole file first; any error and nothing is written. Re-running changes nothing; access a member already has is never lowered. Imported members are sent nothing. Works half the time by default, resting between batches so readers keep the CPU (--duty 1: full speed).",
    run: async (db, actor, args, out) => {
      const file = args.positionals[0];
      if (!file) throw new UsageError("the CSV file path is required");
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
      const options = memberImportOptions(args);
      const size = fs.statSync(file).size;
      let report;
      try {
        report = await importMembers(db, actor, () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), { ...options, onProgress: progress(size) });
      } catch (err) {
        if (err instanceof MemberImportOptionError) throw new UsageError(`${err.message} — nothing was imported`);
        throw err;
      }
      for (const line of describeMemberReport(report)) out(line);
      if (report.errors) {
        const unmapped = report.levels.filter((l) => l.target === null).map((l) => l.level);
        const hint = unmapped.length ? `map ${unmapped.map((l) => `"${l}"`).join(", ")} with --map, ` : "";
        throw new AppError(
          "invalid",
          "import",
          `${report.errors} error(s), nothing was imported: fix the file, ${hint}or pass --skip-invalid to leave out rows with bad addresses or dates`,
        );
      }
    },
  },
};
