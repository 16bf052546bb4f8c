import "server-only";
import { getDb, listenDb } from "@/db/client";
import { ACCESS_CHANNEL, getAccessGeneration, listEpochsChangedSince } from "@/db/queries/members";
import { startWithRetry } from "@/lib/background/retry";
import { EPOCH_LOOKBACK_MS } from "./claims";
import { noteEpoch, noteEpochsKnownSince, noteGeneration } from "./epochs";

const POLL_MS = 5_000;
// A change committed just before a catch-up began may carry a slightly earlier timestamp (clock
// skew between instances and the database): each catch-up re-reads a little of the past.
const OVERLAP_MS = 2_000;

// Keeps this process's epoch map current without a query per request: NOTIFY delivers changes
// from any instance at once; a light poll every few seconds covers notifications missed while
// the listening connection was down. Until the first catch-up succeeds the instance vouches for
// no session (lib/auth/claims.ts judgeSession), so every signed-in request is re-derived from the
// database rather than trusted blindly; the first catch-up is retried with backoff.
export function startAccessListener(): Promise<boolean> {
  const bootedAt = Date.now();
  let since = new Date(bootedAt - EPOCH_LOOKBACK_MS);
  const catchUp = async () => {
    const started = Date.now() - OVERLAP_MS;
    const db = await getDb();
    for (const { id, epoch } of await listEpochsChangedSince(db, since)) noteEpoch(id, epoch);
    noteGeneration(await getAccessGeneration(db));
    noteEpochsKnownSince(since.getTime());
    since = new Date(started);
  };
  return startWithRetry("access", async () => {
    await catchUp();
    await listenDb(ACCESS_CHANNEL, (payload) => {
      // `<member>:<epoch>`, or `gen:<generation>` for an install-wide change.
      if (payload.startsWith("gen:")) return noteGeneration(Number(payload.slice(4)));
      const [id, epoch] = payload.split(":").map(Number);
      noteEpoch(id, epoch);
    });
    setInterval(() => catchUp().catch(() => undefined), POLL_MS).unref();
  });
}
