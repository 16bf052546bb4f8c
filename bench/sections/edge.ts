// Issue 8: the nginx edge cache per tier (filled in by the edge work).
import type { BenchContext } from "../context";

export async function edgeSection(ctx: BenchContext): Promise<void> {
  ctx.report.section("Edge cache per tier (not implemented yet)");
  throw new Error("the --edge section is not implemented yet");
}
