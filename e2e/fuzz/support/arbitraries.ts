import fc from "fast-check";

// Inputs that break naive code: the shapes attackers and broken clients actually send.

// Look-alikes (Cyrillic а, Greek ο, fullwidth Ａ, dotless ı, Kelvin K), combining marks, zero-width
// and bidi controls, NUL and other C0 controls, surrogate-adjacent and astral characters.
const TRICKY_CHARS = [
  "\u0430",
  "\u03bf",
  "\uff21",
  "\u0131",
  "\u212a",
  "\u0301",
  "\u200b",
  "\u200d",
  "\u202e",
  "\ufeff",
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u2028",
  "\ud83d\ude00",
  "\ufffd",
  "%",
  "\\",
  "/",
  "..",
  "'",
  '"',
  "<",
  ">",
  "&",
  ";",
  "\r",
  "\n",
  "\t",
  " ",
  "#",
  "?",
  "*",
  "$",
  "{",
  "}",
];

export const trickyChar = fc.constantFrom(...TRICKY_CHARS);

// Strings mixing plain ASCII, full Unicode and the tricky characters above, plus NFC/NFD forms.
export const nastyString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc.array(fc.oneof(trickyChar, fc.string({ minLength: 1, maxLength: 3 })), { maxLength }).map((a) => a.join("")),
    fc.constantFrom("é", "한국", "ﬁ", "Å").chain((s) => fc.constantFrom(s.normalize("NFC"), s.normalize("NFD"), s.normalize("NFKD"))),
    fc.constantFrom(
      "",
      " ",
      "null",
      "undefined",
      "NaN",
      "-1",
      "0",
      "1e309",
      "9".repeat(40),
      "__proto__",
      "constructor",
      "../../etc/passwd",
      "%00",
      "${7*7}",
      "{{7*7}}",
      "<script>alert(1)</script>",
    ),
  );

// Escapes that do not decode to UTF-8: their own test in reader-routes.fuzz.spec.ts (the proxy
// answers 400 before Next's router can 500), so the main properties keep to well-formed encodings.
export const MALFORMED_ESCAPES = ["%", "%2", "%zz", "%ff", "%c0%af", "%e0%a4", "%ed%a0%80", "%f4%90%80%80"] as const;

// Percent-encoded path segments that decode: Unicode, NUL, controls, traversal, overlong.
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  nastyString(30).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ""))),
  fc.constantFrom("%00", "%2e%2e", "%252e", "..%2f", "%5c", "a%0d%0ab", "%e2%80%ae", "%ef%bc%a1", "%c3%a9", "e%cc%81", "%252F"),
  fc.stringMatching(/^[a-z0-9-]{1,30}$/),
  fc.constant("a".repeat(1500)),
);

// Query strings: repeated keys, array syntax, malformed escapes, huge values.
export const queryString: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom("q", "page", "lang", "callbackUrl", "_rsc", "limit", "offset", "status", "access", "email", "tier", "interval", "q[]", "__proto__"),
        pathSegment,
      ),
      fc.oneof(
        pathSegment,
        fc.constantFrom(...MALFORMED_ESCAPES),
        fc.constantFrom("", "-1", "1e9", "https://evil.example/", "//evil.example", "javascript:alert(1)"),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

// Any JSON value, with the nasty strings as leaves and keys that poison naive merges.
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nastyString(60),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString(10), fc.constantFrom("__proto__", "constructor", "body", "email", "tier", "id")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

// Request bodies: JSON documents, JSON-ish garbage, invalid UTF-8 bytes, form encodings.
export const rawBody: fc.Arbitrary<Buffer> = fc.oneof(
  jsonValue.map((v) => Buffer.from(JSON.stringify(v) ?? "null")),
  nastyString(200).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.constantFrom(
    Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
    Buffer.from('{"body":"\xed\xa0\x80"}', "latin1"),
    Buffer.from('{"a":'.repeat(2000)),
    Buffer.from("[".repeat(5000) + "]".repeat(5000)),
    Buffer.from('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
  ),
);

export const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "multipart/form-data",
  "application/xml",
  "application/octet-stream",
  "",
  "text/html; charset=utf-7",
);

export const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

// Email look-alikes: NFC/NFD, homoglyphs, overlong, header injection, quoted local parts.
export const emailLike: fc.Arbitrary<string> = fc.oneof(
  fc.emailAddress(),
  fc.tuple(nastyString(20), nastyString(12)).map(([l, d]) => `${l}@${d}`),
  fc.constantFrom(
    "a@b.c\r\nBcc: x@y.z",
    "a@b.c\nBcc: x@y.z",
    "a@b.c%0d%0aBcc:x@y.z",
    "reader@masthead.local\r\nSubject: hi",
    "ad\u043cin@masthead.local",
    "admin@masthead\u2024local",
    "ADMIN@MASTHEAD.LOCAL",
    "José@example.com".normalize("NFD"),
    "José@example.com".normalize("NFC"),
    '"a b"@example.com',
    "a@[127.0.0.1]",
    `${"a".repeat(300)}@example.com`,
    `a@${"b".repeat(300)}.com`,
    "a@b@c.d",
    "@example.com",
    "a@",
    "\u0000@example.com",
    "=?utf-8?b?YWRtaW4=?=@example.com",
  ),
);
