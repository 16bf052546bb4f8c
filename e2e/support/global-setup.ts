import { startMailCatcher } from "./mail-catcher";

export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

export default async function globalSetup() {
  return startMailCatcher(SMTP_PORT);
}
