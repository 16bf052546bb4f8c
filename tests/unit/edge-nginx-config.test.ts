import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderEdgeConfig } from "@/bench/edge-nginx";

// The loopback variant the tests and the benchmark run is rendered from deploy/nginx itself; this
// checks the rendering kept the production rules and that nginx accepts both modes.
const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-edge-conf-"));
afterAll(() => fs.rmSync(prefix, { recursive: true, force: true }));

describe.each(["cookie", "auth_request"] as const)("deploy/nginx rendered for loopback, %s mode", (mode) => {
  const files = renderEdgeConfig(prefix, { port: 8399, upstreamPorts: [3391, 3392], mode });

  it("keeps the per-publication, per-tier key, the guards and the /t/ block, with only local paths and ports", () => {
    const site = files["masthead.conf"];
    // The publication the Host maps to, never $host itself: forged hosts cannot mint entries.
    expect(site).toMatch(/proxy_cache_key "\$masthead_publication\|\$masthead_tier\|\$masthead_upstream_encoding\|\$uri\|\$arg__rsc\|\$http_rsc\|/);
    expect(site).not.toMatch(/proxy_cache_key[^;]*\$(host|http_host|server_name)\b/);
    // Read and stored only with a known tier of the key's publication; stored only what Node
    // confirmed it rendered for that tier and publication, a 200, a page (issue 15 §2, issue 16).
    expect(site).toContain("proxy_cache_bypass $masthead_tier_unknown $masthead_tier_elsewhere;");
    expect(site).toContain(
      "proxy_no_cache $masthead_tier_unknown $masthead_tier_elsewhere $masthead_tier_mismatch $masthead_publication_mismatch $masthead_not_a_page $masthead_not_ok;",
    );
    expect(site).toContain("proxy_hide_header X-Masthead-Publication;");
    expect(site).toContain("proxy_cache_valid 200 10s;");
    expect(site).not.toMatch(/proxy_cache_valid[^;]*\b404\b/);
    expect(site).toContain('location ~* "^/((ko|en)/)?t($|[/.;])" {');
    expect(site).toContain("server 127.0.0.1:3391 max_fails=0;\n    server 127.0.0.1:3392 max_fails=0;");
    expect(site).toContain("listen 127.0.0.1:8399;");
    expect(site).toContain(mode === "cookie" ? "tier-cookie.conf;" : "tier-auth-request.conf;");
    expect(site).toContain(`include ${prefix}/publications.conf;`);
    const directives = Object.values(files)
      .join("\n")
      .split("\n")
      .filter((l) => !/^\s*(#|\/\/)/.test(l));
    expect(directives.join("\n")).not.toMatch(/\/etc\/nginx\/masthead|\/var\/(cache|log)\/nginx|10\.0\.0\./);
  });

  it("asks Node for gzip on the cached locations only, keys on that encoding and inflates for identity clients", () => {
    const site = files["masthead.conf"];
    const main = files["nginx.conf"];
    // The client's own header never reaches Node from a cached location: one normalised value,
    // the same one the key holds, so a client's Accept-Encoding cannot mint or pick entries.
    expect(site).toMatch(/map \$masthead_publication \$masthead_upstream_encoding \{\s+default gzip;\s+\}/);
    expect(site).toMatch(/proxy_cache_key "static\|\$masthead_upstream_encoding\|\$uri";/);
    expect(files["proxy-headers.conf"]).not.toMatch(/^\s*proxy_set_header Accept-Encoding/m);
    const locations = site.split(/\n    location /).slice(1);
    expect(locations).toHaveLength(7);
    for (const block of locations) {
      const head = block.slice(0, block.indexOf("{")).trim();
      if (!block.includes("proxy-headers.conf")) continue;
      const cached = /^\s*proxy_cache masthead_tiers;/m.test(block);
      const encoding = [...block.matchAll(/^\s*proxy_set_header Accept-Encoding (\S+);/gm)].map((m) => m[1]);
      expect(encoding, head).toEqual([cached ? "$masthead_upstream_encoding" : '""']);
    }
    expect(main).toMatch(/^\s*gunzip on;/m);
    expect(main).toMatch(/^\s*gzip on;/m);
    expect(main).toMatch(/^\s*gzip_proxied any;/m);
    expect(main).toMatch(/gzip_types [^;]*text\/x-component/);
  });

  it("answers anonymous readers without verifying anything, and verifies every session cookie", () => {
    const site = files["masthead.conf"];
    const map = site.match(/map \$http_cookie \$masthead_tier_from_cookie \{([^}]*)\}/);
    expect(map).not.toBeNull();
    const lines = map![1]
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    expect(lines).toEqual(['"~next-auth\\.session-token" $edge_tier_from_cookie;', "default anon;"]);
    // The same regex nginx applies (PCRE, unanchored): every spelling of a session cookie.
    const session = /next-auth\.session-token/;
    for (const cookie of [
      "next-auth.session-token=x",
      "a=1; __Secure-next-auth.session-token=x",
      "next-auth.session-token.0=x; next-auth.session-token.1=y",
      "mh_edge=main.premium.1.s; next-auth.session-token=x",
    ])
      expect(session.test(cookie), cookie).toBe(true);
    for (const cookie of ["", "mh_edge=main.premium.1.s", "theme=dark; NEXT_LOCALE=ko"]) expect(session.test(cookie), cookie).toBe(false);
    if (mode === "cookie") expect(files["tier-cookie.conf"]).toMatch(/^set \$masthead_tier \$masthead_tier_from_cookie;$/m);
    // Nothing else reads the verified tier directly: the map is the only way to it.
    const reads = Object.values(files)
      .join("\n")
      .split("\n")
      .filter((l) => !/^\s*#/.test(l) && l.includes("$edge_tier_from_cookie"));
    expect(reads.map((l) => l.trim())).toEqual([
      'map "$masthead_edge_secret_ok|$secure_link|$masthead_edge_publication|$masthead_publication|$masthead_edge_tier" $edge_tier_from_cookie {',
      '"~next-auth\\.session-token" $edge_tier_from_cookie;',
    ]);
    // No njs: Debian's nginx package alone runs the edge.
    expect(Object.values(files).join("\n")).not.toMatch(/^\s*(load_module|js_\w+)\b/m);
    expect(files["nginx.conf"]).toMatch(/^pcre_jit on;$/m);
  });

  it("writes the tier cookie's key into edge-secret.conf only when nginx can read it as one literal", () => {
    expect(files["edge-secret.conf"]).toMatch(/map "" \$masthead_edge_secret \{\s+default "";\s+\}/);
    const key = "k".repeat(40);
    const keyed = renderEdgeConfig(prefix, { port: 8399, upstreamPorts: [3391], mode, edgeSecret: key })["edge-secret.conf"];
    expect(keyed).toContain(`default "${key}";`);
    for (const bad of ["short", `${"k".repeat(40)}"; default "x`, `${"k".repeat(40)}$host`, "k".repeat(257)])
      expect(() => renderEdgeConfig(prefix, { port: 8399, upstreamPorts: [3391], mode, edgeSecret: bad }), bad).toThrow(/edge secret/);
    // The empty key of the example is refused by the guard in masthead.conf, not trusted.
    expect(files["masthead.conf"]).toMatch(/map \$masthead_edge_secret \$masthead_edge_secret_ok \{\s+"~\^\[A-Za-z0-9_-\]\{32,\}\$" 1;\s+default 0;/);
  });

  it("maps the demo's hostnames to their publications and every other Host to the primary", () => {
    const map = files["publications.conf"];
    expect(map).toMatch(/map \$host \$masthead_publication \{\s+default main;\s+localhost main;\s+data\.localhost data;\s+\}/);
    const custom = renderEdgeConfig(prefix, { port: 8399, upstreamPorts: [3391], mode, hosts: { "news.example": "main", "data.example": "data" } })[
      "publications.conf"
    ];
    expect(custom).toMatch(/default main;\s+news\.example main;\s+data\.example data;\s+\}/);
    expect(custom).not.toContain("localhost");
    expect(() => renderEdgeConfig(prefix, { port: 8399, upstreamPorts: [3391], mode, hosts: { "evil; default data": "main" } })).toThrow(/not a hostname/);
  });

  it("is accepted by nginx -t", () => {
    const dir = path.join(prefix, mode);
    for (const d of ["logs", "tmp", "cache"]) fs.mkdirSync(path.join(dir, d), { recursive: true });
    const rendered = renderEdgeConfig(dir, { port: 8399, upstreamPorts: [3391, 3392], mode });
    for (const [file, text] of Object.entries(rendered)) fs.writeFileSync(path.join(dir, file), text);
    const r = spawnSync("nginx", ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
    expect(r.error, "nginx must be installed (apt-get install nginx)").toBeUndefined();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
