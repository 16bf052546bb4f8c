// What the global setup hands every fault test file (vitest's provide/inject: plain JSON).
export type Session = { memberId: number; cookie: string };
export type FaultsContext = {
  databaseUrl: string;
  referenceUrl: string;
  distDir: string;
  dataDir: string;
  secret: string;
  adminToken: string;
  webhookSecret: string;
  byTier: Record<string, Session[]>;
  adminCookie: string;
  gatedSlug: string;
  publicSlugs: string[];
  pgVersion: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    faults: FaultsContext;
  }
}
