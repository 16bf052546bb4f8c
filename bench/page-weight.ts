// Page weight (issue 19 item 5), pure parts: what an article page's HTML holds next to the article
// text a reader actually reads, and which assets a first view loads.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

export const textOf = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();

// The inner HTML of every <div> whose class list has `className`, nested divs included.
export function divsWithClass(html: string, className: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<div\\b[^>]*\\bclass="[^"]*\\b${className}\\b[^"]*"[^>]*>`, "g");
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const start = m.index + m[0].length;
    const tag = /<(\/?)div\b[^>]*>/g;
    tag.lastIndex = start;
    let depth = 1;
    let end = html.length;
    for (let t = tag.exec(html); t; t = tag.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index;
        break;
      }
    }
    out.push(html.slice(start, end));
    open.lastIndex = end;
  }
  return out;
}

// The article's own words: its title (h1) and its body (teaser and, when readable, the gated part).
export function articleText(html: string): string {
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return [h1 ? textOf(h1[1]) : "", ...divsWithClass(html, "prose-body").map(textOf)].filter(Boolean).join("\n");
}

// The React Server Components payload Next inlines for hydration: the bodies of its
// `self.__next_f.push(...)` scripts.
export function inlineRscBytes(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b[^>]*>(self\.__next_f\.push\([\s\S]*?)<\/script>/g)) bytes += Buffer.byteLength(m[1]);
  return bytes;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

// Same-origin assets a first view fetches before it is complete: scripts, stylesheets, preloaded
// fonts and images (deduplicated, in document order).
export function firstViewAssets(html: string): { kind: "script" | "style" | "font" | "image"; url: string }[] {
  const seen = new Set<string>();
  const out: { kind: "script" | "style" | "font" | "image"; url: string }[] = [];
  const add = (kind: "script" | "style" | "font" | "image", raw: string | null) => {
    if (!raw || !raw.startsWith("/") || raw.startsWith("//")) return;
    const url = decodeEntities(raw);
    if (seen.has(url)) return;
    seen.add(url);
    out.push({ kind, url });
  };
  for (const [tag] of html.matchAll(/<(script|link|img)\b[^>]*>/g)) {
    if (tag.startsWith("<script")) add("script", attr(tag, "src"));
    else if (tag.startsWith("<img")) add("image", attr(tag, "src"));
    else {
      const rel = attr(tag, "rel") ?? "";
      if (rel === "stylesheet") add("style", attr(tag, "href"));
      else if (rel === "preload" && attr(tag, "as") === "font") add("font", attr(tag, "href"));
      else if (rel === "preload" && attr(tag, "as") === "script") add("script", attr(tag, "href"));
      else if (rel === "preload" && attr(tag, "as") === "style") add("style", attr(tag, "href"));
    }
  }
  return out;
}
