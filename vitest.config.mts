import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts") };

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are heavy (~hundreds of MB); keep files sequential on 2 cores.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Issue 9: a private PostgreSQL cluster restarted under load, Redis stopped, the server
          // killed; one production build and one cluster for all files (tests/faults/global-setup.ts).
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/faults/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
