// The latest access epoch this process knows per member, and since when it knows every change.
// A process slot (lib/process-state.ts) because the proxy and the server code are separate bundles
// in one Node process. Filled by the access listener (instrumentation.ts) and by local writes; read by the
// proxy without any I/O.
import { processSlot } from "@/lib/process-state";
import type { EpochKnowledge } from "./claims";

export type EpochState = { epochs: Map<number, number>; knownSince: number | null; generation: number };

const state = () => processSlot("accessEpochs", () => ({ epochs: new Map(), knownSince: null, generation: 0 }));

export function knownEpoch(memberId: number): number {
  return state().epochs.get(memberId) ?? 0;
}

// What this instance can say about a member's epoch (lib/auth/claims.ts judgeSession).
export function epochKnowledge(memberId: number): EpochKnowledge {
  const s = state();
  return { epoch: s.epochs.get(memberId) ?? 0, knownSince: s.knownSince, generation: s.generation };
}

// Epochs only grow; an older announcement arriving late never lowers what we know.
export function noteEpoch(memberId: number, epoch: number): void {
  if (!Number.isInteger(memberId) || !Number.isInteger(epoch)) return;
  const map = state().epochs;
  if ((map.get(memberId) ?? 0) < epoch) map.set(memberId, epoch);
}

// The install-wide access generation only grows, like epochs.
export function noteGeneration(generation: number): void {
  const s = state();
  if (Number.isInteger(generation) && generation > s.generation) s.generation = generation;
}

// Called by the access listener once it has loaded every change made since `since` (ms). The
// earliest such instant stands: later catch-ups only extend knowledge forward.
export function noteEpochsKnownSince(since: number): void {
  const s = state();
  if (s.knownSince === null || since < s.knownSince) s.knownSince = since;
}

// Tests only: a fresh map (member ids repeat across test databases in one process).
export function forgetEpochs(): void {
  const s = state();
  s.epochs.clear();
  s.knownSince = null;
  s.generation = 0;
}
