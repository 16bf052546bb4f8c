import fs from "node:fs";
import { flagString, UsageError } from "@/lib/studio/cli/args";
import type { Command } from "@/lib/studio/cli/commands";
import { describeReport, describeReportDetails, importWxr, MAX_WXR_BYTES, parseNavSections } from "./wxr";
import { ImportOptionError, WxrError } from "./wxr-types";

// A one-line progress bar on stderr (stdout stays clean for the summary).
function progressBar(done: number, total: number, label: string): void {
  if (!process.stderr.isTTY && done !== total) return;
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
  if (done === total) process.stderr.write("\n");
}

export const importCommands: Record<string, Command> = {
  "import:wxr": {
    usage: "import:wxr <file.xml> [--publication <slug>] [--protected-access public|free|<tier>] [--nav-sections <slug,slug>] [--dry-run]",
    scope: "publication",
    background: true,
    summary:
      "Import a WordPress export (WXR): posts, pages, authors, categories, tags and redirects. Password-protected posts are imported gated (default free = members only). Re-running changes nothing; a changed post never overwrites what an editor changed here. New sections stay out of the header menu unless named in --nav-sections; --dry-run reports what would change and writes nothing.",
    run: async (db, actor, args, out) => {
      const dryRun = args.flags["dry-run"] === true;
      const file = args.positionals[0];
      if (!file) throw new UsageError("the WXR file path is required");
      if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
      if (fs.statSync(file).size > MAX_WXR_BYTES) throw new UsageError(`the file is larger than ${MAX_WXR_BYTES / 1024 / 1024} MB`);
      const protectedAccess = flagString(args, "protected-access");
      const navSections = parseNavSections(flagString(args, "nav-sections"));
      try {
        const report = await importWxr(db, actor, fs.readFileSync(file, "utf8"), { protectedAccess, onProgress: progressBar, dryRun, navSections });
        out(describeReport(report));
        for (const line of describeReportDetails(report)) out(line);
      } catch (err) {
        if (err instanceof WxrError) throw new UsageError(`${err.message} — nothing was imported`);
        if (err instanceof ImportOptionError)
          throw new UsageError(`--protected-access "${err.value}" is not an access level: use ${err.allowed.join(", ")} — nothing was imported`);
        throw err;
      }
    },
  },
};
