import { describe, expect, it } from "vitest";
import { articleText, divsWithClass, firstViewAssets, inlineRscBytes } from "@/bench/page-weight";
import { parseWrk, wrkMillis } from "@/bench/wrk";

const PAGE = `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/_next/static/css/a.css" data-precedence="next"/>
<link rel="preload" as="font" href="/_next/static/media/f.woff2" crossorigin=""/>
<link rel="preload" as="script" href="/_next/static/chunks/main.js"/>
<script src="/_next/static/chunks/main.js" async=""></script>
<script src="https://cdn.example/x.js"></script>
</head><body><article><h1 class="t">Caf&eacute; &amp; <em>news</em></h1>
<div class="prose-body"><p>First &lt;para&gt;.</p><div class="note"><p>Nested.</p></div></div>
<div class="paywalled-content prose-body"><p>Gated 한국어.</p></div>
<div class="prose-bodyx"><p>Not the body.</p></div>
<img src="/img/a.png" alt=""/></article>
<script>self.__next_f.push([1,"abc"])</script><script>self.__next_f.push([1,"de"])</script><script>other()</script>
</body></html>`;

describe("page weight parts", () => {
  it("reads the article's own words: title and every prose-body div, nested divs included", () => {
    expect(divsWithClass(PAGE, "prose-body")).toHaveLength(2);
    expect(articleText(PAGE)).toBe("Caf&eacute; & news\nFirst <para>. Nested.\nGated 한국어.");
  });

  it("sums Next's inlined RSC scripts only", () => {
    expect(inlineRscBytes(PAGE)).toBe(Buffer.byteLength('self.__next_f.push([1,"abc"])self.__next_f.push([1,"de"])'));
  });

  it("lists the same-origin assets a first view loads, once each", () => {
    expect(firstViewAssets(PAGE)).toEqual([
      { kind: "style", url: "/_next/static/css/a.css" },
      { kind: "font", url: "/_next/static/media/f.woff2" },
      { kind: "script", url: "/_next/static/chunks/main.js" },
      { kind: "image", url: "/img/a.png" },
    ]);
  });
});

describe("wrk output", () => {
  it("reads requests, latency percentiles, errors and bytes per response", () => {
    const out = `Running 20s test @ http://127.0.0.1:1/articles/x
  2 threads and 24 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   412.00us  200.00us   9.00ms   90.00%
  Latency Distribution
     50%  350.00us
     75%  450.00us
     90%  600.00us
     99%    1.20ms
  1000000 requests in 20.00s, 4.00GB read
  Socket errors: connect 1, read 2, write 3, timeout 4
  Non-2xx or 3xx responses: 5
Requests/sec:  50000.00
Transfer/sec:    204.80MB
`;
    const r = parseWrk(out);
    expect(r).toMatchObject({ requests: 1_000_000, seconds: 20, requestsPerSecond: 50_000, p50: 0.35, p99: 1.2, errors: 6, timeouts: 4, non2xx: 5 });
    expect(r.bytesPerResponse).toBe(Math.round((4 * 1024 ** 3) / 1_000_000));
    expect(wrkMillis("1.50s")).toBe(1500);
    expect(() => parseWrk("unable to connect")).toThrow(/could not read/);
  });
});
