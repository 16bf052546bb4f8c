// Issue 9: sustained mixed traffic (filled in by the hardening work).
import type { BenchContext } from "../context";

export async function soakSection(ctx: BenchContext): Promise<void> {
  ctx.report.section("Soak (not implemented yet)");
  throw new Error("the --soak section is not implemented yet");
}
