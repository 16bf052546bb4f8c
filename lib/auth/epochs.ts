// The latest access epoch this process knows per member. Shared through globalThis because the
// proxy and the server code are separate bundles in one Node process. Filled by the access
// listener (instrumentation.ts) and by local writes; read by the proxy without any I/O.
const KEY = Symbol.for("masthead.accessEpochs");
type Holder = { [KEY]?: Map<number, number> };

function epochs(): Map<number, number> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function knownEpoch(memberId: number): number {
  return epochs().get(memberId) ?? 0;
}

// Epochs only grow; an older announcement arriving late never lowers what we know.
export function noteEpoch(memberId: number, epoch: number): void {
  if (!Number.isInteger(memberId) || !Number.isInteger(epoch)) return;
  const map = epochs();
  if ((map.get(memberId) ?? 0) < epoch) map.set(memberId, epoch);
}
