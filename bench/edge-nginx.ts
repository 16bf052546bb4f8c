// Starts the production edge configuration (deploy/nginx) on loopback for the benchmark and the
// multi-instance e2e suite. The loopback variant is *rendered from the same files*: only paths,
// the listen address, the upstream servers, the publications' hostnames and the edge mode are
// replaced, and every replacement must match, so the template cannot drift from what runs here.
import fs from "node:fs";
import path from "node:path";
import { EDGE_KEY } from "@/lib/edge/cookie";
import { ensureNginx, runNginx } from "./nginx";
import { freePort } from "./server";

const source = path.resolve(import.meta.dirname, "../deploy/nginx");
const ETC = "/etc/nginx/masthead/";

export type EdgeMode = "cookie" | "auth_request";
// Hostname → publication slug, the lines of publications.conf (unknown hosts: the primary, `main`).
export type EdgeHosts = Record<string, string>;
// The primary publication's slug (db/migrations/0010), publications.conf's `default`: the
// publication of every Host the map does not name, 127.0.0.1 included.
export const PRIMARY_PUBLICATION = "main";
// The demo seed's publications (db/seed): the primary at SITE_URL's host, `data` at data.localhost.
export const DEMO_EDGE_HOSTS: EdgeHosts = { localhost: PRIMARY_PUBLICATION, "data.localhost": "data" };
export type EdgeOptions = { workDir: string; upstreamPorts: number[]; mode: EdgeMode; edgeSecret?: string; port?: number; hosts?: EdgeHosts };
// edgeSecret: the tier cookie's key, written into edge-secret.conf; without it, the example's empty
// key, with which nginx honours no tier cookie.
export type RenderOptions = { port: number; upstreamPorts: number[]; mode: EdgeMode; hosts?: EdgeHosts; edgeSecret?: string };
export type EdgeServer = { baseUrl: string; port: number; prefix: string; cacheDir: string; stop: () => Promise<void> };

/** How many entries the edge's cache holds: nginx keeps each as one file below the cache dir. */
export function cacheEntryCount(cacheDir: string): number {
  return fs.readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

function replaceOnce(text: string, from: string | RegExp, to: string, file: string): string {
  const matched = typeof from === "string" ? text.includes(from) : from.test(text);
  if (!matched) throw new Error(`deploy/nginx/${file} no longer contains ${String(from)}: update bench/edge-nginx.ts`);
  return text.replace(from, to);
}

function renderEdgeSecret(example: string, key: string | undefined): string {
  if (key === undefined) return example;
  if (!EDGE_KEY.test(key)) throw new Error("the edge secret must be 32 to 256 letters, digits, - or _ (lib/edge/cookie.ts EDGE_KEY)");
  return replaceOnce(example, 'default "";', `default "${key}";`, "edge-secret.conf.example");
}

export function renderEdgeConfig(prefix: string, opts: RenderOptions): Record<string, string> {
  const read = (f: string) => fs.readFileSync(path.join(source, f), "utf8");
  const root = process.getuid?.() === 0;
  let main = read("nginx.conf");
  main = replaceOnce(main, "user www-data;", root ? "user root;" : "", "nginx.conf");
  main = replaceOnce(main, "pid /run/nginx.pid;", `daemon off;\npid ${prefix}/nginx.pid;`, "nginx.conf");
  main = replaceOnce(main, "error_log /var/log/nginx/error.log warn;", `error_log ${prefix}/logs/error.log warn;`, "nginx.conf");
  main = replaceOnce(
    main,
    "access_log /var/log/nginx/access.log;",
    ["access_log off;", ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${prefix}/tmp/${t};`)].join("\n    "),
    "nginx.conf",
  );
  main = replaceOnce(main, `include ${ETC}masthead.conf;`, `include ${prefix}/masthead.conf;`, "nginx.conf");

  let site = read("masthead.conf");
  site = replaceOnce(site, "/var/cache/nginx/masthead", `${prefix}/cache`, "masthead.conf");
  site = replaceOnce(
    site,
    /# begin upstream servers[\s\S]*?# end upstream servers/,
    opts.upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=0;`).join("\n    "),
    "masthead.conf",
  );
  site = replaceOnce(site, /# begin listen[\s\S]*?# end listen/, `listen 127.0.0.1:${opts.port};`, "masthead.conf");
  if (opts.mode === "auth_request") site = replaceOnce(site, `include ${ETC}tier-cookie.conf;`, `include ${ETC}tier-auth-request.conf;`, "masthead.conf");
  site = site.replaceAll(ETC, `${prefix}/`);

  const hosts = Object.entries(opts.hosts ?? DEMO_EDGE_HOSTS);
  for (const [host, slug] of hosts)
    if (!/^[a-z0-9.-]+$/.test(host) || !/^[a-z][a-z0-9-]*$/.test(slug)) throw new Error(`not a hostname and publication slug: ${host} ${slug}`);
  let publications = read("publications.conf");
  // The benchmark's edge cookies name the primary by this constant: the map must agree.
  if (!publications.includes(`default ${PRIMARY_PUBLICATION};`))
    throw new Error(`deploy/nginx/publications.conf no longer maps unknown hosts to ${PRIMARY_PUBLICATION}: update bench/edge-nginx.ts`);
  publications = replaceOnce(
    publications,
    /# begin publication hosts[\s\S]*?# end publication hosts/,
    hosts.map(([h, p]) => `${h} ${p};`).join("\n    "),
    "publications.conf",
  );

  return {
    "nginx.conf": main,
    "masthead.conf": site,
    "publications.conf": publications,
    "edge-secret.conf": renderEdgeSecret(read("edge-secret.conf.example"), opts.edgeSecret),
    "proxy-headers.conf": read("proxy-headers.conf"),
    "tier-cookie.conf": read("tier-cookie.conf"),
    "tier-auth-request.conf": read("tier-auth-request.conf"),
  };
}

export async function startEdge(opts: EdgeOptions): Promise<EdgeServer> {
  const bin = ensureNginx({ edge: true });
  const prefix = path.resolve(opts.workDir);
  fs.rmSync(prefix, { recursive: true, force: true });
  for (const d of ["logs", "tmp", "cache"]) fs.mkdirSync(path.join(prefix, d), { recursive: true, mode: 0o755 });
  const port = opts.port ?? (await freePort());
  for (const [file, text] of Object.entries(
    renderEdgeConfig(prefix, { port, upstreamPorts: opts.upstreamPorts, mode: opts.mode, hosts: opts.hosts, edgeSecret: opts.edgeSecret }),
  ))
    fs.writeFileSync(path.join(prefix, file), text);
  const { baseUrl, stop } = await runNginx({ bin, prefix, port, probePath: "/api/health", label: "nginx edge" });
  return { baseUrl, port, prefix, cacheDir: path.join(prefix, "cache"), stop };
}
