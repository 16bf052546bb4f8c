// What the global setup started, handed to the specs through the environment.
export type MultiState = {
  a: string; // instance A, e.g. http://localhost:3351
  b: string;
  edge: string; // nginx edge, signed-cookie mode, round robin over A and B
  edgeAuth: string; // the same configuration in auth_request mode
  edgeCacheDir: string;
  databaseUrl: string;
  authSecret: string;
  adminToken: string;
  webhookSecret: string;
  redisPort: number;
  redisPidFile: string; // the running redis-server's pid (the specs kill and restart it)
  publications: Record<string, number>; // slug → id: `main` (the primary, at localhost) and `data`
};

export function multiState(): MultiState {
  const raw = process.env.MASTHEAD_MULTI_STATE;
  if (!raw) throw new Error("MASTHEAD_MULTI_STATE is unset: run through e2e-multi/playwright.config.ts");
  return JSON.parse(raw) as MultiState;
}
