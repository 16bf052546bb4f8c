import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { portoneCommands } from "@/lib/billing/portone/commands";
import { parseArgs, UsageError } from "@/lib/studio/cli/args";
import type { Actor } from "@/lib/studio/audit";

// Flag mistakes are refused before anything is read or charged: a bare `--amount` must not turn a
// partial refund into a full one.
const noDb = new Proxy({}, { get: () => expect.unreachable("the database was used") }) as Db;
const actor = { memberId: null, network: true, publicationId: null } as unknown as Actor;
const run = (argv: string[]) => {
  const [name, ...rest] = argv;
  return portoneCommands[name].run(noDb, actor, parseArgs(rest), () => {});
};

describe("portone CLI flags", () => {
  it.each([
    [["portone:refund", "pos_1", "--amount"], "--amount needs a value"],
    [["portone:refund", "pos_1", "--amount", "12.5"], "--amount is a whole number of won"],
    [["portone:refund", "pos_1", "--reason"], "--reason needs a value"],
    [["portone:price-change", "--tier", "premium", "--interval"], "--interval needs a value"],
    [["portone:price-change", "--tier", "premium", "--interval", "weekly", "--amount", "9000", "--effective", "2027-01-01"], "are required"],
  ])("%j → %s", async (argv, message) => {
    const err = await run(argv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain(message);
  });
});
