// A tiny argv parser for the operator CLI: positionals plus --flag value / --flag=value / --bool.
export type ParsedArgs = { positionals: string[]; flags: Record<string, string | true> };

// Switches of every command: they never take the next word, so `--dry-run file.csv` keeps the file
// as a positional (an argument swallowed as a switch's value would run the import for real).
const SWITCHES = new Set(["dry-run", "fix", "help", "lifetime", "skip-invalid"]);
const switchValue = (name: string, value: string): true | undefined => {
  if (/^(?:true|yes|1)$/i.test(value)) return true;
  if (/^(?:false|no|0)$/i.test(value)) return undefined;
  throw new UsageError(`--${name} is a switch: give it alone (or =true / =false), not "${value}"`);
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    if (SWITCHES.has(name)) {
      const on = eq > 0 ? switchValue(name, arg.slice(eq + 1)) : true;
      if (on) flags[name] = true;
      else delete flags[name];
    } else if (eq > 0) {
      flags[name] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
      flags[name] = argv[++i];
    } else {
      flags[name] = true;
    }
  }
  return { positionals, flags };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function parseInstant(value: string, name: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) throw new UsageError(`--${name} must be an ISO date/time, e.g. 2026-12-31T00:00:00Z`);
  return d;
}
