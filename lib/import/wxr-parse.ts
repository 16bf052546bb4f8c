import { XMLParser, XMLValidator } from "fast-xml-parser";
import { WxrError, type WxrAuthor, type WxrDocument, type WxrItem, type WxrItemTerm, type WxrTerm } from "./wxr-types";

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  cdataPropName: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ["item", "wp:author", "wp:category", "wp:tag", "category", "wp:postmeta"].includes(name),
});

const asNode = (v: unknown): Node => (v && typeof v === "object" && !Array.isArray(v) ? (v as Node) : {});
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.map(asNode) : v ? [asNode(v)] : []);
function text(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  const n = asNode(v);
  return typeof n["#text"] === "string" ? n["#text"] : "";
}
const str = (n: Node, key: string) => text(n[key]).trim();

function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw).normalize("NFC");
  } catch {
    return raw;
  }
}

// WordPress writes GMT dates as "YYYY-MM-DD HH:MM:SS"; "0000-00-00 00:00:00" means unset (drafts).
function gmtDate(raw: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(raw) || raw.startsWith("0000")) return null;
  const d = new Date(`${raw.replace(" ", "T")}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

// Line numbers of each <item>, so an element error can say where it is. Counted in one pass:
// re-counting from the start of the file for every item made a 50 MB export take most of an hour.
export function itemLines(xml: string): number[] {
  const lines: number[] = [];
  const re = /<item[\s>]/g;
  let line = 1;
  let counted = 0; // newlines before this offset are in `line`
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    for (let nl = xml.indexOf("\n", counted); nl !== -1 && nl < m.index; nl = xml.indexOf("\n", nl + 1)) line++;
    counted = m.index;
    lines.push(line);
  }
  return lines;
}

function parseItem(n: Node, line: number): WxrItem {
  const id = Number(str(n, "wp:post_id"));
  const type = str(n, "wp:post_type");
  if (!Number.isInteger(id) || id <= 0) throw new WxrError("item without a valid wp:post_id", line, "item");
  if (!type) throw new WxrError(`item ${id} has no wp:post_type`, line, "wp:post_type");
  const terms: WxrItemTerm[] = list(n.category).flatMap((c) => {
    const domain = c["@domain"];
    if (domain !== "category" && domain !== "post_tag") return [];
    return [{ domain, slug: decodeSlug(String(c["@nicename"] ?? "")), name: text(c).trim() }];
  });
  const meta = Object.fromEntries(list(n["wp:postmeta"]).map((m) => [str(m, "wp:meta_key"), text(m["wp:meta_value"])]));
  return {
    id,
    type,
    status: str(n, "wp:status"),
    title: str(n, "title"),
    slug: decodeSlug(str(n, "wp:post_name")),
    link: str(n, "link"),
    creator: str(n, "dc:creator"),
    contentHtml: text(n["content:encoded"]),
    excerpt: text(n["excerpt:encoded"]).trim(),
    // Any value counts, whitespace or "0" included (WordPress's own empty() lets "0" through):
    // when in doubt the post is imported gated, never public.
    passwordProtected: text(n["wp:post_password"]) !== "",
    dateGmt: gmtDate(str(n, "wp:post_date_gmt")),
    terms,
    meta,
    attachmentUrl: str(n, "wp:attachment_url") || null,
    line,
  };
}

export function parseWxr(xml: string): WxrDocument {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new WxrError(`malformed XML: ${valid.err.msg}`, valid.err.line, null);
  const channel = asNode(asNode(asNode(parser.parse(xml)).rss).channel);
  if (!Object.keys(channel).length) throw new WxrError("not a WordPress export: no <rss><channel>", 1, "rss");
  if (!channel["wp:wxr_version"]) throw new WxrError("not a WordPress export: no <wp:wxr_version>", 1, "channel");
  const authors: WxrAuthor[] = list(channel["wp:author"]).map((a) => ({
    login: str(a, "wp:author_login"),
    email: str(a, "wp:author_email") || null,
    displayName: str(a, "wp:author_display_name") || str(a, "wp:author_login"),
    bio: str(a, "wp:author_description"),
  }));
  const term = (t: Node, slugKey: string, nameKey: string, descKey: string): WxrTerm => ({
    slug: decodeSlug(str(t, slugKey)),
    name: str(t, nameKey),
    description: str(t, descKey),
  });
  const lines = itemLines(xml);
  return {
    siteUrl: (str(channel, "wp:base_site_url") || str(channel, "link")).replace(/\/$/, ""),
    authors: authors.filter((a) => a.login),
    categories: list(channel["wp:category"]).map((c) => term(c, "wp:category_nicename", "wp:cat_name", "wp:category_description")),
    tags: list(channel["wp:tag"]).map((t) => term(t, "wp:tag_slug", "wp:tag_name", "wp:tag_description")),
    items: list(channel.item).map((n, i) => parseItem(n, lines[i] ?? 0)),
  };
}
