// A large WordPress export made from the shared sample: its first post repeated `count` times with
// distinct ids, slugs and links, under a site address of its own (the import's source key).
import fs from "node:fs";
import path from "node:path";

const sample = path.resolve(import.meta.dirname, "../fixtures/wxr/sample.xml");

export function bigWxr(site: string, count: number): string {
  const xml = fs.readFileSync(sample, "utf8");
  const item = /<item>[\s\S]*?<\/item>/.exec(xml)?.[0];
  if (!item || !item.includes("<wp:post_id>101</wp:post_id>")) throw new Error("tests/fixtures/wxr/sample.xml no longer starts with post 101");
  const items = Array.from({ length: count }, (_, i) =>
    item
      .replaceAll("<wp:post_id>101</wp:post_id>", `<wp:post_id>${10_000 + i}</wp:post_id>`)
      .replaceAll("?p=101", `?p=${10_000 + i}`)
      .replaceAll("grid-delay", `grid-delay-${i}`)
      .replace("송전망이 늦어지는 이유", `송전망이 늦어지는 이유 ${i}`),
  ).join("\n");
  return xml.replaceAll("https://old.example.com", site).replace("</channel>", `${items}\n</channel>`);
}
