// @ts-check
import { createHash } from "node:crypto";

// Hashes of the inline scripts a browser would execute in an HTML document, as CSP sources.
// Next's app router inlines its RSC payload (`self.__next_f.push(...)`) and a bootstrap script
// into every page; a prerendered (ISR) page is shared by all readers, so it cannot carry a
// per-request nonce. Its policy lists these hashes instead, computed once per cached render.

// `<script ...>` up to its `</script>`: script is a raw-text element, so its text runs verbatim to
// the first `</script` (case-insensitive); the browser hashes exactly these bytes (UTF-8).
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC = /\ssrc\s*=/i;
const TYPE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
// Types a browser executes; JSON-LD and other data blocks are not scripts and need no source.
const EXECUTABLE_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

/** @param {string} attrs */
function isExecutableInline(attrs) {
  if (SRC.test(attrs)) return false;
  const m = TYPE.exec(attrs);
  const type = m ? (m[1] ?? m[2] ?? m[3] ?? "").trim().toLowerCase() : "";
  return EXECUTABLE_TYPES.has(type);
}

/**
 * `'sha256-…'` sources for every executable inline script in `html`, deduplicated, in order.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const seen = new Set();
  for (const m of html.matchAll(SCRIPT)) {
    if (!isExecutableInline(m[1])) continue;
    seen.add(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
  }
  return [...seen];
}
