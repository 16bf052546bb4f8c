// Playwright global setup: starts e2e-multi/support/stack.ts under tsx (the stack reuses the
// benchmark's ES-module helpers), waits for the state it writes, hands it to the specs through
// the environment, and stops the stack at the end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stateFile = path.join(root, "test-results", `multi-state-${process.pid}.json`);
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  fs.rmSync(stateFile, { force: true });
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(__dirname, "stack.ts"), stateFile], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
    fs.rmSync(stateFile, { force: true });
  };
  // The build dominates: up to 15 minutes on a busy 2-core machine.
  const deadline = Date.now() + 15 * 60_000;
  while (!fs.existsSync(stateFile)) {
    if (child.exitCode !== null) throw new Error(`the multi-instance stack exited (${child.exitCode}) before it was up; see the output above`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the multi-instance stack was not up within 15 minutes");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.MASTHEAD_MULTI_STATE = fs.readFileSync(stateFile, "utf8");
  return stop;
}
