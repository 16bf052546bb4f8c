// Markdown → HTML that is safe to inject. Bodies are written by staff, but accounts get phished and
// imports carry old HTML, so the output is allow-listed rather than trusted.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// A private instance: extensions another module registers on the global `marked` can't leak in.
const md = new Marked({ gfm: true, breaks: false, async: false });

// Mirrors the WHATWG URL parser: it drops leading/trailing C0 controls and spaces and removes tab
// and newline anywhere, so "jav&#x09;ascript:" is "javascript:" to a browser. Check what it sees.
function normalizeUrl(raw: string): string {
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
}

// "//host" and "/\host" are protocol-relative to a browser, i.e. external, not same-site paths.
const isSitePath = (u: string) => (u.startsWith("/") && !/^\/[\\/]/.test(u)) || u.startsWith("#");

export function safeHref(raw: string): string | null {
  const u = normalizeUrl(raw);
  return /^(https?|mailto):/i.test(u) || isSitePath(u) ? u : null;
}

export function safeImageSrc(raw: string): string | null {
  const u = normalizeUrl(raw);
  return /^https?:/i.test(u) || (u.startsWith("/") && !/^\/[\\/]/.test(u)) ? u : null;
}

function withoutUnsafeUrl(attribs: sanitizeHtml.Attributes, key: "href" | "src", check: (u: string) => string | null) {
  const { [key]: raw, ...rest } = attribs;
  const safe = raw === undefined ? null : check(raw);
  return safe === null ? rest : { ...rest, [key]: safe };
}

const ALIGN = [{ name: "align", multiple: false, values: ["left", "right", "center"] }];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "sup",
    "sub",
  ],
  allowedAttributes: { a: ["href", "rel"], img: ["src", "alt", "title", "loading"], th: ALIGN, td: ALIGN, ol: ["start"] },
  allowedClasses: { code: ["language-*"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  // Their text is code or markup, never prose: drop it instead of leaking it as visible text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "noembed", "noframes", "xmp", "title", "select", "object"],
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    b: "strong",
    i: "em",
    s: "del",
    strike: "del",
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...withoutUnsafeUrl(attribs, "href", safeHref), rel: "noopener noreferrer" },
    }),
    img: (tagName, attribs) => ({
      tagName,
      attribs: { ...withoutUnsafeUrl(attribs, "src", safeImageSrc), loading: "lazy" },
    }),
  },
  // An image whose source was refused is an empty box; drop it.
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

export function renderMarkdown(source: string): string {
  return sanitizeArticleHtml(md.parse(source, { async: false }));
}
