import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_MB, serverNodeOptions } from "../../scripts/heap-limit.mjs";

describe("serverNodeOptions", () => {
  it("gives the server the default heap ceiling when nothing is set", () => {
    expect(serverNodeOptions({})).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
  });

  it("takes MASTHEAD_HEAP_MB and keeps the caller's other options", () => {
    expect(serverNodeOptions({ MASTHEAD_HEAP_MB: "1024", NODE_OPTIONS: "--enable-source-maps" })).toBe("--enable-source-maps --max-old-space-size=1024");
  });

  it("leaves an explicit --max-old-space-size in NODE_OPTIONS alone", () => {
    expect(serverNodeOptions({ MASTHEAD_HEAP_MB: "1024", NODE_OPTIONS: "--max-old-space-size=2048" })).toBe("--max-old-space-size=2048");
  });

  it("leaves V8's own ceiling with 0", () => {
    expect(serverNodeOptions({ MASTHEAD_HEAP_MB: "0", NODE_OPTIONS: "--trace-gc" })).toBe("--trace-gc");
    expect(serverNodeOptions({ MASTHEAD_HEAP_MB: "0" })).toBe("");
  });

  it.each(["abc", "512MB", "1.5", "-1", "64"])("refuses MASTHEAD_HEAP_MB=%s with a readable message", (value) => {
    expect(() => serverNodeOptions({ MASTHEAD_HEAP_MB: value })).toThrow(/MASTHEAD_HEAP_MB must be a whole number of megabytes, at least 128/);
  });
});
