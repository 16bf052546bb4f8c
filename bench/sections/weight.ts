// Issue 19 item 5: page weight per article — the article text a reader reads next to the HTML that
// carries it (raw and as sent gzip), the RSC payload (inlined for hydration, and fetched on a
// client-side navigation) and a first view's total bytes on the wire (HTML + scripts, styles,
// fonts and images it loads), all from Node as a gzip client.
import http from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import type { BenchContext } from "../context";
import { articleText, firstViewAssets, inlineRscBytes } from "../page-weight";
import { kb } from "../report";

type Wire = { status: number; wire: number; body: Buffer; type: string };
function getWire(baseUrl: string, pathName: string, headers: Record<string, string>): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}${pathName}`, { headers: { "accept-encoding": "gzip", ...headers }, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          wire: raw.length,
          body: res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw,
          type: String(res.headers["content-type"] ?? ""),
        });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${pathName} timed out`)));
    req.on("error", reject);
  });
}

export async function weightSection(ctx: BenchContext): Promise<void> {
  const { report, server } = ctx;
  report.section("Page weight per article (Node, gzip client; a first view with an empty browser cache)");
  const premium = ctx.byTier.get("premium")?.[0];
  const home = await getWire(server.baseUrl, "/", { accept: "text/html" });
  const others = [...new Set([...home.body.toString("utf8").matchAll(/href="(\/articles\/[a-z0-9-]+)"/g)].map((m) => m[1]))]
    .filter((p) => p !== ctx.gatedPath)
    .slice(0, 3);
  const pages = [
    { label: `${ctx.gatedSlug} (anonymous)`, path: ctx.gatedPath, cookie: null },
    ...(premium ? [{ label: `${ctx.gatedSlug} (premium)`, path: ctx.gatedPath, cookie: premium.cookie }] : []),
    ...others.map((p) => ({ label: `${p.slice("/articles/".length)} (anonymous)`, path: p, cookie: null })),
  ];
  const assets = new Map<string, Promise<Wire>>();
  const rows = [];
  const records = [];
  for (const page of pages) {
    const cookie: Record<string, string> = page.cookie ? { cookie: page.cookie } : {};
    const doc = await getWire(server.baseUrl, page.path, { accept: "text/html", ...cookie });
    if (doc.status !== 200) throw new Error(`${page.path} answered ${doc.status}`);
    const html = doc.body.toString("utf8");
    // As the client router asks (Next answers a bare `RSC: 1` with a redirect to `?_rsc`).
    const rsc = await getWire(server.baseUrl, `${page.path}?_rsc`, { rsc: "1", ...cookie });
    if (rsc.status !== 200 || !rsc.type.startsWith("text/x-component")) throw new Error(`${page.path}?_rsc answered ${rsc.status} ${rsc.type}`);
    // Images aside: next/image's fallback src is the widest variant, not what a browser picks.
    const list = firstViewAssets(html).filter((a) => a.kind !== "image");
    const fetched = await Promise.all(
      list.map((a) => (assets.has(a.url) ? assets.get(a.url)! : assets.set(a.url, getWire(server.baseUrl, a.url, {})).get(a.url)!)),
    );
    const byKind = (kind: string) => fetched.filter((_, i) => list[i].kind === kind).reduce((s, w) => s + w.wire, 0);
    const text = Buffer.byteLength(articleText(html));
    // Node's own gzip when it compressed, else what gzip would make of it.
    const htmlGzip = doc.wire < doc.body.length ? doc.wire : gzipSync(doc.body).length;
    const total = htmlGzip + fetched.reduce((s, w) => s + w.wire, 0);
    const record = {
      page: page.label,
      textBytes: text,
      htmlBytes: doc.body.length,
      htmlGzipBytes: htmlGzip,
      inlineRscBytes: inlineRscBytes(html),
      rscFetchBytes: rsc.body.length,
      rscFetchGzipBytes: rsc.wire,
      scripts: list.filter((a) => a.kind === "script").length,
      scriptGzipBytes: byKind("script"),
      styleGzipBytes: byKind("style"),
      fontBytes: byKind("font"),
      firstViewBytes: total,
    };
    records.push(record);
    rows.push({
      article: page.label,
      text: kb(text),
      "HTML raw": kb(record.htmlBytes),
      "HTML gzip": kb(htmlGzip),
      "HTML/text": (record.htmlBytes / Math.max(1, text)).toFixed(1),
      "RSC inline": kb(record.inlineRscBytes),
      "RSC fetch raw/gzip": `${kb(record.rscFetchBytes)} / ${kb(rsc.wire)}`,
      "JS gzip": `${kb(record.scriptGzipBytes)} (${record.scripts})`,
      "CSS gzip": kb(record.styleGzipBytes),
      fonts: kb(record.fontBytes),
      "first view": kb(total),
    });
  }
  report.table(rows);
  report.line(
    "text: the title and body a reader reads (UTF-8); RSC inline: Next's hydration payload inside the HTML; RSC fetch: the same page on a client-side navigation; first view: HTML gzip + every script, stylesheet and preloaded font it loads, as sent (images aside: their size depends on the viewport)",
  );
  report.record("weight", records);
}
