// XML text helpers for feeds. Pure.

// Characters XML 1.0 forbids anywhere (most C0 controls, lone surrogates, U+FFFE/FFFF). A single
// one makes the whole document unparseable, so they are dropped rather than escaped.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, "");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for an element body or a quoted attribute value. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Wraps markup in CDATA; a `]]>` inside is split across two sections so it cannot end the block early. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXmlChars(text).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

/** `<name attr="…">escaped text</name>`, or nothing for a null/empty value. */
export function element(name: string, text: string | null | undefined, attrs: Record<string, string> = {}): string {
  if (text === null || text === undefined || text === "") return "";
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}
