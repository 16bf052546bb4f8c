import fc from "fast-check";

// One fixed seed for CI, so a failure reproduces on any machine; FUZZ_SEED / FUZZ_RUNS override
// (FUZZ_RUNS replaces every property's default run count, e.g. FUZZ_RUNS=2000 for a long soak).
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const runsOverride = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : null;

let printed = false;
export function printSeed(): void {
  if (printed) return;
  printed = true;
  console.log(`[fuzz] seed=${FUZZ_SEED} runs=${runsOverride ?? "default"} (reproduce with FUZZ_SEED=${FUZZ_SEED})`);
}

export const runs = (defaultRuns: number) => runsOverride ?? defaultRuns;

// Runs an async property with the suite's seed. fast-check shrinks a failure to a minimal input
// and reports it with the seed and path, which is what goes into a regression case.
export async function fuzz<T>(name: string, arb: fc.Arbitrary<T>, check: (input: T) => Promise<void>, defaultRuns: number): Promise<void> {
  printSeed();
  try {
    await fc.assert(
      fc.asyncProperty(arb, async (input) => {
        try {
          await check(input);
        } catch (err) {
          throw new Error(`${name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
      { seed: FUZZ_SEED, numRuns: runs(defaultRuns), endOnFailure: false, interruptAfterTimeLimit: 90_000 },
    );
  } catch (err) {
    // Counterexamples with multi-kilobyte strings would bury the report: fold long runs.
    if (err instanceof Error) err.message = err.message.replace(/(.)\1{40,}/gs, (run, c: string) => `${c}{×${run.length}}`).slice(0, 6000);
    throw err;
  }
}
