// Every process and resource the benchmark starts is registered here and released on the way
// out — normal end, failure, or Ctrl-C — so a run never leaves a server or nginx behind.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

type Cleanup = { name: string; run: () => Promise<void> | void };

const children = new Set<ChildProcess>();
const cleanups: Cleanup[] = [];
let exiting = false;

// Each child gets its own process group (detached) so that stopping it also stops whatever it
// forked (nginx workers), addressed by the id we started and never by name.
export function spawnTracked(cmd: string, args: string[], opts: SpawnOptions): ChildProcess {
  const child = spawn(cmd, args, { ...opts, detached: true });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs + 2_000))]);
  clearTimeout(timer);
}

// Registered cleanups run in reverse order (last acquired, first released).
export function onCleanup(name: string, run: () => Promise<void> | void): void {
  cleanups.push({ name, run });
}

export async function cleanupAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
  while (cleanups.length) {
    const c = cleanups.pop()!;
    try {
      await c.run();
    } catch (err) {
      console.error(`[bench] cleanup "${c.name}" failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

export function installSignalHandlers(): void {
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (exiting) return;
      exiting = true;
      console.error(`\n[bench] ${sig}: stopping child processes…`);
      const hardStop = setTimeout(() => process.exit(130), 15_000);
      hardStop.unref();
      cleanupAll().finally(() => process.exit(130));
    });
  }
  // Last resort if the process dies another way: no async work is possible here.
  process.on("exit", () => {
    for (const c of children) signalGroup(c, "SIGKILL");
  });
}
