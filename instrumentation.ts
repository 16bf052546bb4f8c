// Runs once when a server instance starts (Next's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAccessListener } = await import("@/lib/auth/access-listener");
  await startAccessListener().catch((err: unknown) => {
    // The site still serves; stale sessions are then caught by the periodic catch-up.
    console.error("[access] listener could not start:", err instanceof Error ? err.message : String(err));
  });
}
