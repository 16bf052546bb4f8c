import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { ADMIN_API_TOKEN, signInAs } from "./support/auth";

export const api = { Authorization: `Bearer ${ADMIN_API_TOKEN}` };
export const uniq = (label: string) => `${label}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
export const uniqueEmail = (label: string) => `${uniq(label)}@example.com`;

export type NewPiece = {
  title: string;
  slug?: string;
  body: string;
  access: string;
  status: string;
  publishAt?: string;
  unlockAt?: string;
  section?: string;
  tags?: string[];
};

export async function createPiece(request: APIRequestContext, piece: NewPiece): Promise<{ id: number; slug: string; url: string }> {
  const res = await request.post("/api/admin/v1/articles", { headers: api, data: piece });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: number; slug: string; url: string };
}

// Removes a piece a spec made for itself, so later specs (feed and sitemap counts) see the seed only.
export async function deletePiece(request: APIRequestContext, id: number): Promise<void> {
  const res = await request.delete(`/api/admin/v1/articles/${id}`, { headers: api });
  expect([200, 204, 404], await res.text()).toContain(res.status());
}

// Polls a URL with plain GETs (no edits, no cache calls) until `check` passes or the time is up.
export async function pollUntil(request: APIRequestContext, url: string, check: (status: number, body: string) => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const res = await request.get(url, { headers: { accept: "text/html" } });
    if (check(res.status(), await res.text())) return Date.now();
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not change within ${timeoutMs} ms`);
}

// Staff accounts sign in once per run through the real magic-link flow, then reuse the session:
// the sign-in form allows only a few links per address per quarter hour.
const authDir = path.join("test-results", "studio-auth");

export async function signInStaff(page: Page, email: string): Promise<void> {
  const file = path.join(authDir, `${email}.json`);
  if (fs.existsSync(file)) {
    const state = JSON.parse(fs.readFileSync(file, "utf8")) as { cookies: Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>> };
    await page.context().addCookies(state.cookies);
    return;
  }
  await signInAs(page, email);
  fs.mkdirSync(authDir, { recursive: true });
  await page.context().storageState({ path: file });
}

/**
 * Waits until React has hydrated this element (it attaches its props to the DOM node then). An
 * input changed before that (a server-rendered page on a loaded machine) fires its event into
 * nothing, and the form never learns of it.
 */
export async function expectHydrated(control: Locator): Promise<void> {
  await expect.poll(() => control.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps")))).toBe(true);
}
