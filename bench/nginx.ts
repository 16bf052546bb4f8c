// nginx on loopback serving one page as a static file: the physical limit for "an HTML page over
// HTTP/1.1 keep-alive" on this machine (issue 7). Installed from Debian when absent.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { onCleanup, spawnTracked, stopChild } from "./children";
import { freePort } from "./server";

function findNginx(): string | null {
  for (const p of ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"]) if (fs.existsSync(p)) return p;
  const r = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

function aptInstall(packages: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env, timeout: 300_000 });
  if (update.status !== 0) throw new Error("apt-get update failed");
  return spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env, timeout: 300_000 }).status === 0;
}

// The modules the edge configuration uses (deploy/nginx): Debian's `nginx` package has them all;
// a leaner build (nginx-light) may not.
const EDGE_MODULES = ["http_secure_link_module", "http_auth_request_module", "http_gunzip_module"];

function missingEdgeModules(bin: string): string[] {
  const configure = spawnSync(bin, ["-V"], { encoding: "utf8" }).stderr ?? "";
  return EDGE_MODULES.filter((m) => !configure.includes(`--with-${m}`));
}

// nginx from Debian when absent; with `edge`, one built with the modules the edge configuration uses.
export function ensureNginx(opts: { edge?: boolean } = {}): string {
  const found = findNginx();
  if (found && !(opts.edge && missingEdgeModules(found).length)) return found;
  console.log(`[bench] ${found ? "this nginx lacks the edge's modules" : "nginx not found"}: installing nginx from Debian (apt-get)…`);
  const ok = opts.edge ? aptInstall(["nginx"]) : aptInstall(["nginx-light"]) || aptInstall(["nginx"]);
  if (!ok) throw new Error("could not install nginx from Debian (apt-get install nginx)");
  const installed = findNginx();
  if (!installed) throw new Error("nginx is still not installed");
  const missing = opts.edge ? missingEdgeModules(installed) : [];
  if (missing.length) throw new Error(`${installed} lacks ${missing.join(", ")} (deploy/nginx needs Debian's nginx package)`);
  return installed;
}

export type StaticServer = { baseUrl: string; path: string; version: string; stop: () => Promise<void> };

// Serves `html` at `urlPath` from a private prefix under `workDir` (config, logs, temp paths),
// so it needs no system configuration and touches nothing outside the benchmark's folder.
export async function startStaticServer(opts: { html: string; urlPath: string; workDir: string }): Promise<StaticServer> {
  const server = await startFileServer({ workDir: opts.workDir, pages: [{ urlPath: opts.urlPath, identity: Buffer.from(opts.html) }] });
  return { ...server, path: opts.urlPath };
}

// Issue 19's physical limit: each page's exact response bytes as files, the gzip body next to it
// as `<file>.gz` served by `gzip_static on` (a copy, no compression per request), the identity
// body to clients without gzip.
export type StaticPage = { urlPath: string; identity: Buffer; gzip?: Buffer };
export type FileServer = { baseUrl: string; version: string; stop: () => Promise<void> };

export async function startFileServer(opts: { pages: StaticPage[]; workDir: string }): Promise<FileServer> {
  const bin = ensureNginx();
  const version = (spawnSync(bin, ["-v"], { encoding: "utf8" }).stderr || "").trim().replace(/^nginx version:\s*/, "");
  const prefix = path.resolve(opts.workDir);
  fs.rmSync(prefix, { recursive: true, force: true });
  for (const d of ["www", "logs", "tmp"]) fs.mkdirSync(path.join(prefix, d), { recursive: true, mode: 0o755 });
  const locations = opts.pages.map((page, i) => {
    const file = `page-${i}.html`;
    fs.writeFileSync(path.join(prefix, "www", file), page.identity, { mode: 0o644 });
    if (page.gzip) fs.writeFileSync(path.join(prefix, "www", `${file}.gz`), page.gzip, { mode: 0o644 });
    return `    location = ${page.urlPath} {
      default_type text/html;
      ${page.gzip ? "gzip_static on;" : ""}
      try_files /${file} =404;
    }`;
  });
  const port = await freePort();
  const conf = `
daemon off;
master_process on;
worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  # As the edge does (deploy/nginx/masthead.conf): the limit is nginx at its best on these files.
  open_file_cache max=1000 inactive=30s;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${prefix}/www;
${locations.join("\n")}
  }
}
`;
  fs.writeFileSync(path.join(prefix, "nginx.conf"), conf);
  const { baseUrl, stop } = await runNginx({ bin, prefix, port, probePath: opts.pages[0].urlPath, label: "nginx" });
  return { baseUrl, version, stop };
}

/**
 * Checks and starts nginx on `prefix`/nginx.conf (written by the caller), then waits until
 * `probePath` answers 200 on `port`: the static baseline and the edge start the same way.
 */
export async function runNginx(opts: { bin: string; prefix: string; port: number; probePath: string; label: string; env?: NodeJS.ProcessEnv }) {
  const { bin, prefix, label } = opts;
  const conf = path.join(prefix, "nginx.conf");
  const env = opts.env ?? process.env;
  const check = spawnSync(bin, ["-t", "-q", "-p", prefix, "-c", conf], { encoding: "utf8", env });
  if (check.status !== 0) throw new Error(`${label} rejected its configuration: ${check.stderr}`);
  const child = spawnTracked(bin, ["-p", prefix, "-c", conf], { stdio: ["ignore", "ignore", "pipe"], env });
  const stop = () => stopChild(child);
  onCleanup(label, stop);
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited (${child.exitCode}); see ${prefix}/logs/error.log`);
    try {
      const res = await fetch(`${baseUrl}${opts.probePath}`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${label} did not answer within 15 s; see ${prefix}/logs/error.log`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, stop };
}
