import "server-only";
import { getDb, listenDb } from "@/db/client";
import { ACCESS_CHANNEL, listEpochsChangedSince } from "@/db/queries/members";
import { noteEpoch } from "./epochs";
import { SESSION_MAX_AGE_SECONDS } from "./options";

const POLL_MS = 5_000;

// Keeps this process's epoch map current without a query per request: NOTIFY delivers changes
// from any instance at once; a light poll every few seconds covers notifications missed while
// the listening connection was down.
export async function startAccessListener(): Promise<void> {
  const db = await getDb();
  let since = new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000);
  const catchUp = async () => {
    const started = new Date(Date.now() - 2_000);
    for (const { id, epoch } of await listEpochsChangedSince(db, since)) noteEpoch(id, epoch);
    since = started;
  };
  await catchUp();
  await listenDb(ACCESS_CHANNEL, (payload) => {
    const [id, epoch] = payload.split(":").map(Number);
    noteEpoch(id, epoch);
  });
  setInterval(() => catchUp().catch(() => undefined), POLL_MS).unref();
}
