import { describe, expect, it } from "vitest";
import { DomainPacer, domainOf } from "@/lib/email/pacing";
import { decideRetry, MAX_ATTEMPTS, retryDelayMs } from "@/lib/email/retry-policy";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/email/unsubscribe-token";

const KEY = "k".repeat(64);

describe("unsubscribe tokens", () => {
  it("name exactly one (member, publication) pair", () => {
    const token = signUnsubscribeToken(KEY, 42, 3);
    expect(verifyUnsubscribeToken(KEY, token)).toEqual({ memberId: 42, publicationId: 3 });
  });
  it("refuse forgeries: another member, another publication, another key, a changed mac", () => {
    const token = signUnsubscribeToken(KEY, 42, 3);
    const [, , mac] = token.split(".");
    expect(verifyUnsubscribeToken(KEY, `43.3.${mac}`)).toBe("forged");
    expect(verifyUnsubscribeToken(KEY, `42.4.${mac}`)).toBe("forged");
    expect(verifyUnsubscribeToken("x".repeat(64), token)).toBe("forged");
    expect(verifyUnsubscribeToken(KEY, `42.3.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`)).toBe("forged");
  });
  it("call anything else malformed", () => {
    for (const bad of [
      "",
      "42.3",
      "42.3.short",
      "0.3.AAAAAAAAAAAAAAAAAAAAAA",
      "-1.3.AAAAAAAAAAAAAAAAAAAAAA",
      "42.3.AAAAAAAAAAAAAAAAAAAAAA.x",
      "a.b.c",
      "42.3.AAAAAAAAAAAAAAAAAAAA==",
    ]) {
      expect(verifyUnsubscribeToken(KEY, bad), bad).toBe("malformed");
    }
  });
});

describe("retries after an SMTP failure", () => {
  const now = new Date("2026-12-05T00:00:00Z");
  it("a 5xx to RCPT TO is a hard bounce: fail and suppress, no retry", () => {
    expect(decideRetry({ responseCode: 550, command: "RCPT TO", message: "no such user" }, 1, now)).toEqual({ kind: "fail", suppress: true });
  });
  it("a 5xx to the message or the sender fails without blaming the address", () => {
    expect(decideRetry({ responseCode: 554, command: "DATA", message: "rejected" }, 1, now)).toEqual({ kind: "fail", suppress: false });
  });
  it("a 4xx is retried with growing delays, then given up", () => {
    const first = decideRetry({ responseCode: 451, command: "RCPT TO", message: "try later" }, 1, now);
    const third = decideRetry({ responseCode: 451, command: "RCPT TO", message: "try later" }, 3, now);
    expect(first).toMatchObject({ kind: "retry", countsAttempt: true });
    expect(first.kind === "retry" && third.kind === "retry" && third.at.getTime() - first.at.getTime()).toBe(retryDelayMs(3) - retryDelayMs(1));
    expect(decideRetry({ responseCode: 451, message: "later" }, MAX_ATTEMPTS, now)).toEqual({ kind: "fail", suppress: false });
    expect(retryDelayMs(100)).toBe(6 * 3600_000);
  });
  it("an unreachable server costs no attempt and never fails the row", () => {
    expect(decideRetry({ code: "ECONNECTION", message: "refused" }, MAX_ATTEMPTS + 5, now)).toMatchObject({ kind: "retry", countsAttempt: false });
  });
});

describe("per-domain pacing", () => {
  it("lets `perSecond` messages a second go to one domain and spaces the rest", () => {
    const pacer = new DomainPacer(2);
    expect([pacer.take("a.example", 0), pacer.take("a.example", 0)]).toEqual([0, 0]);
    expect(pacer.take("a.example", 0)).toBe(500);
    expect(pacer.take("b.example", 0)).toBe(0);
    expect(pacer.take("a.example", 1000)).toBe(0);
  });
  it("0 means no pacing; domains are read case-insensitively", () => {
    expect(Array.from({ length: 100 }, () => new DomainPacer(0).take("x", 0)).every((w) => w === 0)).toBe(true);
    // Callers that must wait queue behind each other (each reserves its token): 8 connections asking
    // at once of a 2-per-second bucket go at 0, 0, 0.5, 1, 1.5, 2, 2.5 and 3 s — never all together.
    const queued = new DomainPacer(2);
    expect(Array.from({ length: 8 }, () => queued.take("*", 0))).toEqual([0, 0, 500, 1000, 1500, 2000, 2500, 3000]);
    expect(domainOf("Kim@Naver.COM")).toBe("naver.com");
  });
});
