import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { cliActor, type Actor } from "@/lib/studio/audit";
import { openTestDatabase, type TestDatabase } from "./databases";

// Setups several suites share in their beforeAll. Each returns what the suite keeps; the suite
// closes `t` in its afterAll. If the setup fails half-way, the database is closed here instead.

async function closingOnError<T>(t: TestDatabase, setup: () => Promise<T>): Promise<T> {
  try {
    return await setup();
  } catch (err) {
    await t.close();
    throw err;
  }
}

export type PrimarySuite = { t: TestDatabase; pub: number };

/** `t` with the id of its primary publication (made by migration 0010): the one these suites work in. */
export async function withPrimaryPublication(opening: Promise<TestDatabase>): Promise<PrimarySuite> {
  const t = await opening;
  return closingOnError(t, async () => ({ t, pub: await requirePrimaryPublication(t.db) }));
}

export type DemoStudioSuite = PrimarySuite & { actor: Actor };

/** The demo install as of `at`, and an operator (CLI) actor named `actorName` in its primary publication. */
export async function openDemoStudio(kind: TestDatabase["kind"], at: Date, actorName = "test"): Promise<DemoStudioSuite> {
  const t = await openTestDatabase(kind);
  return closingOnError(t, async () => {
    await seedDemo(t.db, at);
    const pub = await requirePrimaryPublication(t.db);
    return { t, pub, actor: cliActor(actorName, pub) };
  });
}
