// Issue 19 item 3: the framework's own limit. A bare Next page — no auth, no CSP, no database, no
// cache handler — prerendered into the ISR cache and reached through a proxy rewrite, the same
// route shape as Masthead's per-tier render, with the same article's HTML inside. Masthead's
// anonymous and premium figures from the readers section of this run are judged against it.
import fs from "node:fs";
import path from "node:path";
import type { BenchContext } from "../context";
import { onCleanup, spawnTracked, stopChild } from "../children";
import { runLoad } from "../load";
import { num } from "../report";
import { freePort } from "../server";
import { loadRow } from "./readers";

const TARGET = 0.9;
const root = path.resolve(import.meta.dirname, "../..");
// Inside the repository (Turbopack resolves `next` from its root), ignored by git, tsc and lint.
const appDir = path.join(root, ".next-bench-bare");
const next = path.join(root, "node_modules/next/dist/bin/next");

const files: Record<string, string> = {
  "package.json": `{ "name": "masthead-bench-bare-next", "private": true }\n`,
  "next.config.ts": `export default { turbopack: { root: ${JSON.stringify(root)} }, poweredByHeader: false };\n`,
  "proxy.ts": `import { NextResponse, type NextRequest } from "next/server";
// The per-tier rewrite, without deciding anything: every reader is "anon".
export function proxy(req: NextRequest) {
  const url = req.nextUrl.clone();
  url.pathname = \`/t/anon\${url.pathname}\`;
  return NextResponse.rewrite(url);
}
export const config = { matcher: ["/a/:slug"] };
`,
  "app/layout.tsx": `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ko">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/t/[tier]/a/[slug]/page.tsx": `import article from "../../../../../article.json";
export const revalidate = 3600;
export function generateStaticParams() {
  return [{ tier: "anon", slug: "piece" }];
}
export default function Page() {
  return <main dangerouslySetInnerHTML={{ __html: article.html }} />;
}
`,
};

// The article's own markup from Masthead's anonymous page: what the bare page renders.
function articleMarkup(html: string): string {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html);
  return main ? main[1] : html;
}

async function buildBareApp(articleHtml: string): Promise<void> {
  fs.rmSync(appDir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(appDir, file)), { recursive: true });
    fs.writeFileSync(path.join(appDir, file), text);
  }
  fs.writeFileSync(path.join(appDir, "article.json"), JSON.stringify({ html: articleHtml }));
  const log = path.join(appDir, "build.log");
  const out = fs.openSync(log, "w");
  const child = spawnTracked(process.execPath, [next, "build"], {
    cwd: appDir,
    stdio: ["ignore", out, out],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  fs.closeSync(out);
  if (code !== 0) throw new Error(`the bare Next build failed (exit ${code}); see ${log}`);
}

async function startBareApp(): Promise<{ baseUrl: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const log = fs.openSync(path.join(appDir, "server.log"), "w");
  // -H localhost like Masthead's server (bench/server.ts): with an IP host Next fetches its own rewrite.
  // BENCH_SERVER_CPU_PROF=dir profiles this server too (like Masthead's, bench/server.ts), to compare them.
  const cpuProf = process.env.BENCH_SERVER_CPU_PROF;
  const profArgs = cpuProf ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(cpuProf)] : [];
  const child = spawnTracked(process.execPath, [...profArgs, next, "start", "-p", String(port), "-H", "localhost"], {
    cwd: appDir,
    stdio: ["ignore", log, log],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = () => stopChild(child);
  onCleanup("bare Next", stop);
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bare Next server exited (${child.exitCode}); see ${appDir}/server.log`);
    try {
      const res = await fetch(`${baseUrl}/a/piece`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the bare Next server did not answer within 30 s");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, pid: child.pid!, stop };
}

export async function bareNextSection(ctx: BenchContext): Promise<void> {
  const { report, server, opts } = ctx;
  report.section("Node alone against the framework's limit: a bare Next page from the ISR cache behind a proxy rewrite");
  const res = await fetch(`${server.baseUrl}${ctx.gatedPath}`, { headers: { accept: "text/html" }, signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`could not fetch the anonymous page (${res.status})`);
  const markup = articleMarkup(await res.text());
  await buildBareApp(markup);
  const bare = await startBareApp();
  try {
    const page = await (await fetch(`${bare.baseUrl}/a/piece`)).text();
    const load = (seconds: number, rssPid?: number) => runLoad({ baseUrl: bare.baseUrl, path: "/a/piece", connections: opts.connections, seconds, rssPid });
    if (opts.warmupSeconds > 0) await load(opts.warmupSeconds);
    const result = await load(opts.durationSeconds, bare.pid);
    ctx.results.set("bareNext", result);
    report.table([loadRow("bare Next 16 (ISR + rewrite)", "none", result, null)]);
    report.line(`bare page: ${num(Buffer.byteLength(page))} bytes (the article's markup, ${num(Buffer.byteLength(markup))} bytes, in a bare layout)`);
    const ratios: Record<string, number> = {};
    for (const [tier, label] of [
      ["anon", "anonymous"],
      ["premium", "premium"],
    ] as const) {
      const r = ctx.results.get(tier);
      if (!r) continue;
      const ratio = r.requestsPerSecond / result.requestsPerSecond;
      ratios[tier] = ratio;
      report.check(
        `Masthead ${label} ≥ ${TARGET} × bare Next`,
        ratio >= TARGET,
        `${num(r.requestsPerSecond)} vs ${num(result.requestsPerSecond)} req/s: × ${ratio.toFixed(2)}`,
      );
    }
    report.record("bareNext", { result, ratios, pageBytes: Buffer.byteLength(page) });
  } finally {
    await bare.stop();
  }
}
