// lib/email/mime.ts: the queue's MIME builder, read back by a real parser (mailparser, as a mailbox
// provider would): Korean subject, sender name, both parts and the bulk headers survive; no line
// passes the limits of RFC 5322; the boundary never occurs inside a part.
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildMime } from "@/lib/email/mime";

const text = `안녕하세요, 구독자님.\n\n지역 재정 보고서 전문입니다. ${"긴 본문 ".repeat(800)}\n.\n.. 점으로 시작하는 줄`;
const html = `<!doctype html><html lang="ko"><body><h1>지역 재정</h1><p>${"한국어 문단 ".repeat(900)}</p><a href="https://news.example/email/unsubscribe/abc">구독 해지</a></body></html>`;

function build() {
  return buildMime({
    from: "데이터 저널 <news@masthead.test>",
    to: "reader@example.com",
    subject: "2026년 지방 재정 — 무엇이 바뀌었나 (Local budgets, explained) 〈심층〉",
    messageId: "<mh-42.main@news.example>",
    date: new Date("2026-12-06T03:00:00Z"),
    text,
    html,
    headers: { "List-Unsubscribe": "<https://news.example/email/unsubscribe/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", Precedence: "bulk" },
  });
}

describe("buildMime", () => {
  it("round-trips through a MIME parser", async () => {
    const mail = await simpleParser(build());
    expect(mail.subject).toBe("2026년 지방 재정 — 무엇이 바뀌었나 (Local budgets, explained) 〈심층〉");
    expect(mail.from?.value).toEqual([{ name: "데이터 저널", address: "news@masthead.test" }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : null).toEqual([{ name: "", address: "reader@example.com" }]);
    expect(mail.messageId).toBe("<mh-42.main@news.example>");
    expect(mail.date?.toISOString()).toBe("2026-12-06T03:00:00.000Z");
    expect(mail.text).toBe(text);
    expect(mail.html).toBe(html);
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
    expect(header("list-unsubscribe")).toBe("<https://news.example/email/unsubscribe/abc>");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(header("precedence")).toBe("bulk");
  });

  it("keeps every line within 78 characters and the boundary out of the parts", () => {
    const raw = build().toString("utf8");
    const lines = raw.split("\r\n");
    expect(lines.filter((l) => l.length > 78)).toEqual([]);
    expect(raw.replace(/\r\n/g, "")).not.toContain("\n"); // CRLF line ends only
    const boundary = /boundary="([^"]+)"/.exec(raw)![1];
    expect(raw.split(`--${boundary}`).length - 1).toBe(3); // two parts and the closing delimiter
    expect(raw).toContain("Content-Transfer-Encoding: base64");
    // No line of the message starts with a dot (SMTP would have to stuff it).
    expect(lines.some((l) => l.startsWith("."))).toBe(false);
  });

  it("quotes an ASCII sender name with specials and leaves a bare address alone", async () => {
    const raw = buildMime({
      from: "Masthead, Inc. <a@b.test>",
      to: "x@y.test",
      subject: "plain",
      messageId: "id@host",
      date: new Date(0),
      text: "t",
      html: "<p>h</p>",
    });
    const mail = await simpleParser(raw);
    expect(mail.from?.value).toEqual([{ name: "Masthead, Inc.", address: "a@b.test" }]);
    expect(mail.messageId).toBe("<id@host>");
    expect(raw.toString()).toContain("Subject: plain\r\n");
  });
});
