import http from "node:http";
import { peekProcessSlot, processSlot } from "@/lib/process-state";

// Next 16 gives app code no hook on the Node request before it routes it. `next start` serves
// through a plain http.createServer in this process (lib/next-internals/README.md), so one patch of
// http.Server.prototype.emit, applied once per process, runs the hooks added here on every request
// before Next sees it, in the order they were added.
export type RequestHook = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Adds a hook under its name; adding a name again changes nothing. */
export function addRequestHook(name: string, hook: RequestHook): void {
  const hooks = processSlot("requestHooks", () => {
    patchEmit();
    return new Map<string, RequestHook>();
  });
  if (!hooks.has(name)) hooks.set(name, hook);
}

export function hasRequestHook(name: string): boolean {
  return peekProcessSlot("requestHooks")?.has(name) ?? false;
}

function patchEmit(): void {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      for (const hook of peekProcessSlot("requestHooks")?.values() ?? []) hook(args[0] as http.IncomingMessage, args[1] as http.ServerResponse);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
