// Runs once when a server instance starts (Next's instrumentation hook). Next compiles this file for
// the Edge runtime too, so the Node-only start-up is imported only on Node (the pattern of Next's
// instrumentation guide): lib/background/start-instance.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startInstance } = await import("@/lib/background/start-instance");
    await startInstance();
  }
}
