// What to do after a failed attempt to hand a message to the SMTP server. Pure.
//  - a permanent refusal of the recipient (5xx to RCPT TO) is a hard bounce: the row fails and
//    the address is suppressed, never retried; another permanent refusal (of the message after
//    DATA, of the sender) fails the row without blaming the address;
//  - a temporary refusal (4xx) is retried with exponential backoff, until MAX_ATTEMPTS;
//  - the server being unreachable is not the recipient's fault: the row goes back to the queue
//    without spending an attempt, and the whole worker waits (SMTP down → queued, retried).

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3600_000;

export type SmtpFailure = { responseCode?: number; code?: string; command?: string; message: string };

export type RetryDecision = { kind: "retry"; at: Date; countsAttempt: boolean } | { kind: "fail"; suppress: boolean };

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export function isConnectionFailure(err: SmtpFailure): boolean {
  return (
    err.responseCode === undefined && ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "ECONNREFUSED", "EDNS", "ETLS", "EPROTOCOL", "EAUTH"].includes(err.code ?? "")
  );
}

export function decideRetry(err: SmtpFailure, attempts: number, now: Date): RetryDecision {
  if (err.responseCode !== undefined && err.responseCode >= 500) return { kind: "fail", suppress: /^RCPT/i.test(err.command ?? "") };
  if (isConnectionFailure(err)) return { kind: "retry", at: new Date(now.getTime() + 15_000), countsAttempt: false };
  if (attempts >= MAX_ATTEMPTS) return { kind: "fail", suppress: false };
  return { kind: "retry", at: new Date(now.getTime() + retryDelayMs(attempts)), countsAttempt: true };
}
