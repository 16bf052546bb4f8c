// Operator CLI: `npm run masthead -- <command> [args]`, `--help` for each command.
// With the embedded database (no DATABASE_URL) stop the server first: PGlite opens one data
// directory from one process at a time.
import os from "node:os";
import { BACKGROUND_NICE, closeDb, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { AppError } from "@/lib/http/errors";
import { cliActor } from "@/lib/studio/audit";
import { parseArgs, UsageError } from "@/lib/studio/cli/args";
import { userCommands, type Command } from "@/lib/studio/cli/commands";
import { portoneCommands } from "@/lib/billing/portone/commands";
import { stripeCommands } from "@/lib/billing/stripe/reconcile-command";
import { importCommands } from "@/lib/import/cli";
import { memberImportCommands } from "@/lib/import/members/cli";
import { cliPublication, publicationCommands } from "@/lib/publications/cli";

const commands: Record<string, Command> = {
  ...publicationCommands,
  ...userCommands,
  ...importCommands,
  ...memberImportCommands,
  ...stripeCommands,
  ...portoneCommands,
};

function help(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`);
  return [
    "usage: npm run masthead -- <command> [args] [--publication <slug>]   (<command> --help for details)",
    "",
    "--publication: the publication a command works in (default: the primary one).",
    "",
    ...lines,
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "help") {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${help()}`);
    return 1;
  }
  const args = parseArgs(rest);
  if (args.flags.help) {
    console.log(`usage: npm run masthead -- ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  if (command.background) {
    try {
      os.setPriority(BACKGROUND_NICE);
    } catch {
      // Not permitted here: run at the normal priority.
    }
  }
  const handle = await openDatabase({ background: command.background });
  try {
    await migrateDatabase(handle.db, handle.kind);
    const publicationId = await cliPublication(handle.db, args, command);
    await command.run(handle.db, cliActor(`cli (${os.userInfo().username})`, publicationId), args, (line) => console.log(line));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) console.error(`${name}: ${err.message}\nusage: npm run masthead -- ${command.usage}`);
    else if (err instanceof AppError) console.error(`${name}: ${err.message}`);
    else throw err;
    return 2;
  } finally {
    await handle.close();
    await closeDb();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
