import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./scripts/chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumPath() ?? undefined, args: chromiumArgs },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    env: {
      E2E_PORT: String(port),
      EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`,
      EMAIL_FROM: "Masthead <no-reply@masthead.test>",
      ADMIN_API_TOKEN: "e2e-admin-token-0123456789abcdef",
      SIGNIN_REQUESTS_PER_IP: "100000",
      // The specs play the reverse proxy: X-Forwarded-For names the client (e2e/abuse-limits.spec.ts).
      TRUSTED_PROXY_HOPS: "1",
      // The specs sign the same seeded accounts in many times; e2e/abuse-limits.spec.ts uses this value.
      SIGNIN_REQUESTS_PER_EMAIL: "30",
      // Every spec searches from the same loopback address; e2e/abuse-limits.spec.ts uses this value.
      SEARCH_REQUESTS_PER_MINUTE: "300",
      // Demo checkouts bill 40-second periods, so e2e/billing.spec.ts can watch one run out.
      MASTHEAD_DEMO_PERIOD_SECONDS: "40",
      // /api/health also reports the statements sent (e2e/cache-economy.spec.ts counts them).
      MASTHEAD_BENCH: "1",
      // "Your access ends" notices are looked for every few seconds (e2e/newsletter.spec.ts).
      EMAIL_SWEEP_SECONDS: "3",
      EMAIL_POLL_MS: "500",
    },
    url: `http://localhost:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
