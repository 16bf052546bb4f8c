import type { APIRequestContext, Browser, BrowserContext } from "@playwright/test";
import { signInStaff } from "../../studio-support";

// Seeded accounts (db/seed/members.ts), signed in once per run through the real magic link.
export const PERSONAS = {
  anon: null,
  free: "reader@masthead.local",
  supporter: "supporter@masthead.local",
  premium: "premium@masthead.local",
  admin: "admin@masthead.local",
} as const;
export type Persona = keyof typeof PERSONAS;

export type Session = { persona: Persona; context: BrowserContext; request: APIRequestContext };

export async function openSession(browser: Browser, persona: Persona): Promise<Session> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = PERSONAS[persona];
  if (email) await signInStaff(page, email);
  return { persona, context, request: context.request };
}

// Which personas may not read a piece with this access level (free pieces need only sign-in).
export function readersWithoutAccess(access: string): Persona[] {
  if (access === "premium") return ["anon", "free", "supporter"];
  if (access === "supporter") return ["anon", "free"];
  if (access === "free") return ["anon"];
  return [];
}
