import { createClient } from "redis";
import { databaseFingerprint } from "./rules.mjs";

// Drops every shared render and data entry made from this database (all builds), e.g. after the
// demo database was (re)seeded. Entries of other databases sharing the Redis are left alone.
export async function clearSharedCache(redisUrl: string, opts: { databaseUrl: string | undefined; namespace?: string }): Promise<number> {
  const part = opts.namespace ?? databaseFingerprint(opts.databaseUrl);
  const client = createClient({ url: redisUrl, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  let removed = 0;
  try {
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `masthead:*:${part}:*`, COUNT: 500 })) {
      if (keys.length) removed += await client.unlink(keys);
    }
  } catch (err) {
    // The cache is an optimisation: a start must not fail because Redis is away.
    console.error(`[cache] could not clear the shared cache: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await client.close().catch(() => client.destroy());
  }
  return removed;
}
