import { defineConfig } from "@playwright/test";

// Multi-instance suite (issue 8): two production servers sharing PostgreSQL and a private Redis,
// behind the nginx edge from deploy/nginx. Plain HTTP, no browser: what is under test is which
// instance and which cache answers. Needs DATABASE_URL (scripts/test.mjs runs it only then).
export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  globalSetup: "./support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  reporter: [["list"]],
});
