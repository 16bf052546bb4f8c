#!/usr/bin/env node
// Renders abstract hero images and author avatars for the demo content.
//
//   node scripts/generate-images.mjs            # writes only missing files
//   node scripts/generate-images.mjs --force    # rewrites everything
//
// Image paths are read from db/seed/demo-content.ts (heroImage / avatarUrl strings), so the
// script stays plain Node ESM. Every image is built from an SVG whose palette and layout are
// derived deterministically from a hash of the slug; no text is drawn.
import { readFile, writeFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const contentFile = path.join(root, "db/seed/demo-content.ts");
const publicDir = path.join(root, "public");
const force = process.argv.includes("--force");

// ── deterministic randomness ────────────────────────────────────────────────
function hash32(str) {
  // FNV-1a
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rng(seed) {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r2 = (n) => Math.round(n * 100) / 100;
const hsl = (h, s, l, a = 1) =>
  a >= 1 ? `hsl(${r2(((h % 360) + 360) % 360)} ${r2(s)}% ${r2(l)}%)` : `hsl(${r2(((h % 360) + 360) % 360)} ${r2(s)}% ${r2(l)}% / ${r2(a)})`;

// A small set of curated hue schemes keeps results tasteful; the hash picks one and rotates it.
const SCHEMES = [
  { name: "analogous", offsets: [0, 28, -32, 55] },
  { name: "complement", offsets: [0, 180, 20, 200] },
  { name: "split", offsets: [0, 150, 210, 30] },
  { name: "triad-soft", offsets: [0, 120, 240, 15] },
  { name: "mono", offsets: [0, 10, -12, 22] },
];

function palette(rand, hint = {}) {
  const scheme = SCHEMES[Math.floor(rand() * SCHEMES.length)];
  const base = hint.hues ? hint.hues[0] : rand() * 360;
  const hues = hint.hues ? [0, 1, 2, 3].map((i) => hint.hues[i % hint.hues.length] + (i >= hint.hues.length ? 18 : 0)) : scheme.offsets.map((o) => base + o);
  const dark = hint.dark ?? rand() < 0.6; // most heroes on a deep ground, some light and airy
  const sat = hint.sat ?? 50 + rand() * 25;
  const [h0, h1, h2, h3] = hues;
  return {
    dark,
    bgA: dark ? hsl(h0, sat * 0.75, 11 + rand() * 6) : hsl(h0, sat * 0.5, 91 + rand() * 3),
    bgB: dark ? hsl(h1, sat * 0.85, 22 + rand() * 8) : hsl(h1, sat * 0.6, 80 + rand() * 6),
    c1: hsl(h0, sat + 12, dark ? 56 : 55),
    c2: hsl(h1, sat + 8, dark ? 62 : 50),
    c3: hsl(h2, sat + 4, dark ? 50 : 62),
    c4: hsl(h3, sat - 6, dark ? 70 : 42),
    line: dark ? hsl(h2, 30, 88, 0.3) : hsl(h0, 45, 22, 0.25),
    hues,
    sat,
  };
}

// ── SVG building blocks ─────────────────────────────────────────────────────
function defs(p, rand, W, H) {
  const angle = Math.floor(rand() * 360);
  return `
  <defs>
    <linearGradient id="bg" gradientTransform="rotate(${angle} .5 .5)">
      <stop offset="0" stop-color="${p.bgA}"/>
      <stop offset="1" stop-color="${p.bgB}"/>
    </linearGradient>
    ${[p.c1, p.c2, p.c3, p.c4]
      .map(
        (c, i) => `
    <radialGradient id="g${i}">
      <stop offset="0" stop-color="${c}" stop-opacity=".95"/>
      <stop offset=".55" stop-color="${c}" stop-opacity=".45"/>
      <stop offset="1" stop-color="${c}" stop-opacity="0"/>
    </radialGradient>
    <linearGradient id="l${i}" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${c}" stop-opacity=".95"/>
      <stop offset="1" stop-color="${c}" stop-opacity=".25"/>
    </linearGradient>`,
      )
      .join("")}
    <filter id="blur" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${Math.round(W / 22)}"/></filter>
    <filter id="soft" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="${Math.max(0.6, r2(W / 900))}"/></filter>
    <radialGradient id="vig" cx=".5" cy=".5" r=".75">
      <stop offset=".6" stop-color="#000" stop-opacity="0"/>
      <stop offset="1" stop-color="#000" stop-opacity="${p.dark ? 0.35 : 0.12}"/>
    </radialGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>`;
}

function glows(p, rand, W, H, n = 3) {
  let s = `<g filter="url(#blur)" opacity="${p.dark ? 0.85 : 0.7}">`;
  for (let i = 0; i < n; i++) {
    const cx = rand() * W;
    const cy = rand() * H;
    const r = (0.25 + rand() * 0.35) * Math.max(W, H);
    s += `<circle cx="${r2(cx)}" cy="${r2(cy)}" r="${r2(r)}" fill="url(#g${i % 4})"/>`;
  }
  return s + "</g>";
}

// Layout 0: orbits — concentric rings and satellites
function orbits(p, rand, W, H) {
  const cx = W * (0.35 + rand() * 0.3);
  const cy = H * (0.35 + rand() * 0.3);
  const base = Math.min(W, H) * (0.12 + rand() * 0.08);
  let s = "";
  const rings = 4 + Math.floor(rand() * 4);
  for (let i = 0; i < rings; i++) {
    const r = base * (1 + i * (0.55 + rand() * 0.2));
    const dash = rand() < 0.4 ? ` stroke-dasharray="${r2(2 + rand() * 10)} ${r2(6 + rand() * 18)}"` : "";
    s += `<circle cx="${r2(cx)}" cy="${r2(cy)}" r="${r2(r)}" fill="none" stroke="${p.line}" stroke-width="${r2(1 + rand() * 2.5)}"${dash}/>`;
    if (rand() < 0.75) {
      const a = rand() * Math.PI * 2;
      const rr = Math.min(W, H) * (0.012 + rand() * 0.035);
      s += `<circle cx="${r2(cx + Math.cos(a) * r)}" cy="${r2(cy + Math.sin(a) * r)}" r="${r2(rr)}" fill="url(#l${i % 4})"/>`;
    }
  }
  s += `<circle cx="${r2(cx)}" cy="${r2(cy)}" r="${r2(base * 0.9)}" fill="url(#l0)" opacity=".9"/>`;
  return s;
}

// Layout 1: bands — tilted translucent ribbons
function bands(p, rand, W, H, hint = {}) {
  const tilt = hint.flat ? -4 + rand() * 8 : -25 + rand() * 50;
  const n = 5 + Math.floor(rand() * 4);
  let s = `<g transform="rotate(${r2(tilt)} ${W / 2} ${H / 2})">`;
  let y = -H * 0.3;
  for (let i = 0; i < n; i++) {
    const h = H * (0.06 + rand() * 0.16);
    const x = -W * 0.2 + rand() * W * 0.3;
    const w = W * (0.7 + rand() * 0.7);
    s += `<rect x="${r2(x)}" y="${r2(y)}" width="${r2(w)}" height="${r2(h)}" rx="${r2(h / 2)}" fill="url(#l${i % 4})" opacity="${r2(0.35 + rand() * 0.45)}"/>`;
    y += h + H * (0.04 + rand() * 0.12);
  }
  s += "</g>";
  for (let i = 0; i < 3; i++) {
    const yy = H * (0.15 + rand() * 0.7);
    s += `<line x1="0" y1="${r2(yy)}" x2="${W}" y2="${r2(yy + (rand() - 0.5) * H * 0.3)}" stroke="${p.line}" stroke-width="1.5"/>`;
  }
  return s;
}

// Layout 2: grid — a field of dots and tiles with a few highlighted cells
function grid(p, rand, W, H, hint = {}) {
  const cols = 10 + Math.floor(rand() * 8);
  const cell = W / cols;
  const rows = Math.ceil(H / cell);
  const square = hint.squares ?? rand() < 0.5;
  let s = "";
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = c * cell + cell / 2;
      const y = r * cell + cell / 2;
      const v = rand();
      if (v < 0.1) {
        const k = cell * 0.78;
        s += square
          ? `<rect x="${r2(x - k / 2)}" y="${r2(y - k / 2)}" width="${r2(k)}" height="${r2(k)}" rx="${r2(k * 0.12)}" fill="url(#l${Math.floor(rand() * 4)})"/>`
          : `<circle cx="${r2(x)}" cy="${r2(y)}" r="${r2(k / 2)}" fill="url(#l${Math.floor(rand() * 4)})"/>`;
      } else {
        const k = cell * (0.05 + v * 0.07);
        s += `<circle cx="${r2(x)}" cy="${r2(y)}" r="${r2(k)}" fill="${p.line}"/>`;
      }
    }
  }
  return s;
}

// Layout 3: waves — layered flowing curves
function waves(p, rand, W, H) {
  const n = 5 + Math.floor(rand() * 3);
  let s = "";
  for (let i = 0; i < n; i++) {
    const base = H * (0.3 + (i / n) * 0.75);
    const amp = H * (0.05 + rand() * 0.12);
    const ph = rand() * Math.PI * 2;
    const freq = 1 + rand() * 1.5;
    let d = `M0 ${r2(base)}`;
    const steps = 24;
    for (let k = 1; k <= steps; k++) {
      const x = (W * k) / steps;
      const y = base + Math.sin(ph + (k / steps) * Math.PI * 2 * freq) * amp;
      d += ` L${r2(x)} ${r2(y)}`;
    }
    d += ` L${W} ${H} L0 ${H} Z`;
    s += `<path d="${d}" fill="url(#l${i % 4})" opacity="${r2(0.18 + (i / n) * 0.35)}" stroke="${p.line}" stroke-width="1.2" stroke-linejoin="round"/>`;
  }
  return s;
}

// Layout 4: blocks — a composition of large overlapping geometric forms
function blocks(p, rand, W, H) {
  let s = "";
  const n = 4 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const kind = rand();
    const x = rand() * W;
    const y = rand() * H;
    const size = Math.min(W, H) * (0.2 + rand() * 0.45);
    const op = r2(0.45 + rand() * 0.45);
    const fill = `url(#l${i % 4})`;
    if (kind < 0.4) {
      s += `<circle cx="${r2(x)}" cy="${r2(y)}" r="${r2(size / 2)}" fill="${fill}" opacity="${op}"/>`;
    } else if (kind < 0.75) {
      const rot = r2(rand() * 90);
      s += `<rect x="${r2(x - size / 2)}" y="${r2(y - size / 2)}" width="${r2(size)}" height="${r2(size * (0.5 + rand()))}" rx="${r2(size * 0.06)}" fill="${fill}" opacity="${op}" transform="rotate(${rot} ${r2(x)} ${r2(y)})"/>`;
    } else {
      // half-disc
      const rr = size / 2;
      const rot = r2(Math.floor(rand() * 4) * 90);
      s += `<path d="M${r2(x - rr)} ${r2(y)} A${r2(rr)} ${r2(rr)} 0 0 1 ${r2(x + rr)} ${r2(y)} Z" fill="${fill}" opacity="${op}" transform="rotate(${rot} ${r2(x)} ${r2(y)})"/>`;
    }
  }
  const lines = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < lines; i++) {
    const x = W * (0.1 + rand() * 0.8);
    s += `<line x1="${r2(x)}" y1="0" x2="${r2(x + (rand() - 0.5) * W * 0.2)}" y2="${H}" stroke="${p.line}" stroke-width="1.5"/>`;
  }
  return s;
}

// Layout: lines — near-parallel cables with round nodes (networks, grids)
function network(p, rand, W, H) {
  const n = 5 + Math.floor(rand() * 3);
  const slope = (rand() - 0.5) * H * 0.25;
  let s = "";
  for (let i = 0; i < n; i++) {
    const y0 = H * (0.18 + (i / (n - 1)) * 0.64);
    const sag = H * (0.02 + rand() * 0.05);
    s += `<path d="M0 ${r2(y0)} Q${W / 2} ${r2(y0 + slope / 2 + sag)} ${W} ${r2(y0 + slope)}" fill="none" stroke="${p.line}" stroke-width="${r2(1.5 + rand() * 1.5)}"/>`;
    const nodes = 3 + Math.floor(rand() * 4);
    for (let k = 0; k < nodes; k++) {
      const t = (k + 0.5 + (rand() - 0.5) * 0.6) / nodes;
      // point on the quadratic curve
      const x = W * t;
      const y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * (y0 + slope / 2 + sag) + t * t * (y0 + slope);
      const r = Math.min(W, H) * (0.008 + rand() * 0.022);
      s += `<circle cx="${r2(x)}" cy="${r2(y)}" r="${r2(r)}" fill="url(#l${(i + k) % 4})"/>`;
    }
  }
  return s;
}

// Layout: bars — a bar chart without axes; optional stacked-squares columns
function bars(p, rand, W, H, hint = {}) {
  const n = 9 + Math.floor(rand() * 5);
  const margin = W * 0.1;
  const slot = (W - margin * 2) / n;
  const bw = slot * 0.62;
  const baseY = H * 0.84;
  let s = `<line x1="${r2(margin * 0.6)}" y1="${r2(baseY + 6)}" x2="${r2(W - margin * 0.6)}" y2="${r2(baseY + 6)}" stroke="${p.line}" stroke-width="2"/>`;
  let level = 0.35 + rand() * 0.2;
  for (let i = 0; i < n; i++) {
    level = Math.min(0.9, Math.max(0.15, level + (rand() - 0.42) * 0.22));
    const h = H * 0.7 * level;
    const x = margin + i * slot + (slot - bw) / 2;
    if (hint.stacked) {
      const k = bw * 0.9;
      const count = Math.max(1, Math.round(h / (k * 1.12)));
      for (let j = 0; j < count; j++) {
        const y = baseY - (j + 1) * k * 1.12;
        s += `<rect x="${r2(x + (bw - k) / 2)}" y="${r2(y)}" width="${r2(k)}" height="${r2(k)}" rx="${r2(k * 0.16)}" fill="url(#l${(i + j) % 4})" opacity="${r2(0.55 + (j / count) * 0.4)}"/>`;
      }
    } else {
      s += `<rect x="${r2(x)}" y="${r2(baseY - h)}" width="${r2(bw)}" height="${r2(h)}" rx="${r2(bw / 2)}" fill="url(#l${i % 4})" opacity=".85"/>`;
    }
  }
  return s;
}

// Layout: stack — translucent slabs in light isometric perspective (layers, stacks)
function stack(p, rand, W, H) {
  const n = 6 + Math.floor(rand() * 3);
  const cx = W * (0.45 + rand() * 0.1);
  const w = W * 0.36;
  const d = H * 0.14;
  const gap = H * 0.065;
  const top = H / 2 - ((n - 1) * gap) / 2 - d / 2;
  let s = "";
  for (let i = n - 1; i >= 0; i--) {
    const y = top + i * gap;
    const pts = [
      [cx - w / 2, y + d / 2],
      [cx, y],
      [cx + w / 2, y + d / 2],
      [cx, y + d],
    ];
    s += `<polygon points="${pts.map(([x, yy]) => `${r2(x)},${r2(yy)}`).join(" ")}" fill="url(#l${i % 2 === 0 ? 0 : 1})" opacity="${r2(0.5 + (1 - i / n) * 0.35)}" stroke="${p.line}" stroke-width="1.5"/>`;
  }
  for (let i = 0; i < 4; i++) {
    const x = cx + (rand() < 0.5 ? -1 : 1) * (w * 0.6 + rand() * W * 0.15);
    s += `<line x1="${r2(x)}" y1="${r2(H * 0.2)}" x2="${r2(x)}" y2="${r2(H * 0.8)}" stroke="${p.line}" stroke-width="1" stroke-dasharray="4 10"/>`;
  }
  return s;
}

// Layout: balance — a beam on a fulcrum with discs of different sizes (trade-offs)
function balance(p, rand, W, H) {
  const cx = W / 2;
  const cy = H * 0.6;
  const len = W * 0.62;
  const tilt = (rand() - 0.5) * 8;
  let s = `<polygon points="${r2(cx)},${r2(cy + 4)} ${r2(cx - H * 0.09)},${r2(H * 0.86)} ${r2(cx + H * 0.09)},${r2(H * 0.86)}" fill="url(#l3)" opacity=".7"/>`;
  s += `<g transform="rotate(${r2(tilt)} ${r2(cx)} ${r2(cy)})">`;
  s += `<rect x="${r2(cx - len / 2)}" y="${r2(cy - 4)}" width="${r2(len)}" height="8" rx="4" fill="${p.line}"/>`;
  const place = (side) => {
    let x = cx + side * W * 0.06;
    const count = 2 + Math.floor(rand() * 2);
    for (let i = 0; i < count; i++) {
      const r = H * (0.04 + rand() * 0.07) * (i === 0 ? 1.4 : 1);
      x += side * r;
      if (Math.abs(x - cx) + r > len / 2) break;
      s += `<circle cx="${r2(x)}" cy="${r2(cy - 4 - r)}" r="${r2(r)}" fill="url(#l0)" opacity="${r2(0.8 + rand() * 0.2)}"/>`;
      x += side * (r + W * 0.012);
    }
  };
  place(-1);
  place(1);
  return s + "</g>";
}

// Layout: tiles — a substrate holding chiplet-like tiles
function tiles(p, rand, W, H) {
  const S = H * 0.7;
  const x0 = W / 2 - S * 0.75;
  const y0 = H / 2 - S / 2;
  const w0 = S * 1.5;
  let s = `<rect x="${r2(x0)}" y="${r2(y0)}" width="${r2(w0)}" height="${r2(S)}" rx="${r2(S * 0.05)}" fill="${p.dark ? "rgba(255,255,255,.05)" : "rgba(0,0,0,.04)"}" stroke="${p.line}" stroke-width="2"/>`;
  const cols = 4;
  const rows = 3;
  const pad = S * 0.07;
  const cw = (w0 - pad * (cols + 1)) / cols;
  const ch = (S - pad * (rows + 1)) / rows;
  const used = new Set();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (used.has(`${r},${c}`)) continue;
      const wide = c < cols - 1 && !used.has(`${r},${c + 1}`) && rand() < 0.3;
      const tall = !wide && r < rows - 1 && rand() < 0.25;
      const w = wide ? cw * 2 + pad : cw;
      const h = tall ? ch * 2 + pad : ch;
      if (wide) used.add(`${r},${c + 1}`);
      if (tall) used.add(`${r + 1},${c}`);
      const x = x0 + pad + c * (cw + pad);
      const y = y0 + pad + r * (ch + pad);
      const glow = rand() < 0.4;
      s += `<rect x="${r2(x)}" y="${r2(y)}" width="${r2(w)}" height="${r2(h)}" rx="${r2(Math.min(w, h) * 0.08)}" fill="url(#l${(r + c) % 4})" opacity="${glow ? 0.95 : 0.5}"/>`;
    }
  }
  for (let i = 0; i < 26; i++) {
    const x = x0 + ((i + 0.5) / 26) * w0;
    s += `<circle cx="${r2(x)}" cy="${r2(y0 + S + H * 0.035)}" r="3" fill="${p.line}"/>`;
  }
  return s;
}

// Layout: coins — stacks of discs getting shorter, with a long descending curve
function coins(p, rand, W, H) {
  const n = 5;
  const cw = W * 0.1;
  const ry = cw * 0.2;
  const baseY = H * 0.8;
  let s = "";
  for (let i = 0; i < n; i++) {
    const cx = W * 0.18 + i * W * 0.155;
    const count = Math.max(2, Math.round(11 - i * 2 + (rand() - 0.5) * 2));
    for (let j = 0; j < count; j++) {
      const cy = baseY - j * ry * 1.25;
      s += `<ellipse cx="${r2(cx)}" cy="${r2(cy + ry * 0.35)}" rx="${r2(cw / 2)}" ry="${r2(ry)}" fill="url(#l1)" opacity=".75"/>`;
      s += `<ellipse cx="${r2(cx)}" cy="${r2(cy)}" rx="${r2(cw / 2)}" ry="${r2(ry)}" fill="url(#l${j % 2 === 0 ? 0 : 2})" stroke="${p.line}" stroke-width="1"/>`;
    }
  }
  s += `<path d="M${r2(W * 0.05)} ${r2(H * 0.16)} C${r2(W * 0.4)} ${r2(H * 0.12)} ${r2(W * 0.55)} ${r2(H * 0.55)} ${r2(W * 0.95)} ${r2(H * 0.62)}" fill="none" stroke="url(#l3)" stroke-width="6" stroke-linecap="round"/>`;
  return s;
}

const LAYOUTS = { orbits, bands, grid, waves, blocks, network, bars, stack, balance, tiles, coins };
const RANDOM_LAYOUTS = ["orbits", "bands", "grid", "waves", "blocks", "network"];

// Art direction for the demo pieces, so each picture matches its alt text in demo-content.ts.
// Slugs not listed here get a layout and palette from the hash alone.
const HINTS = {
  "semiconductor-cluster-power-water": { layout: "blocks", hues: [188, 222], dark: true },
  "transmission-grid-bottleneck": { layout: "network", hues: [24, 8, 40], dark: true },
  "weekly-data-apartment-transactions": { layout: "bars", stacked: true, hues: [200, 330, 260], dark: false, sat: 55 },
  "chip-export-controls-supply-chain": { layout: "grid", squares: true, hues: [222, 40], dark: true },
  "weekly-data-tropical-nights": { layout: "bands", flat: true, hues: [272, 28, 300], dark: true },
  "ai-regulation-compliance-checklist": { layout: "grid", squares: true, hues: [268, 176], dark: true },
  "youth-rent-from-jeonse-to-wolse": { layout: "grid", squares: true, hues: [345, 22], dark: false, sat: 62 },
  "aging-workforce-productivity": { layout: "waves", hues: [140, 45, 100], dark: true, sat: 42 },
  "heat-pump-apartment-retrofit": { layout: "orbits", hues: [6, 214], dark: false, sat: 62 },
  "weekly-data-older-workers": { layout: "bars", hues: [66, 40, 90], dark: false, sat: 42 },
  "hbm-memory-race": { layout: "stack", hues: [178, 318], dark: true },
  "fiscal-rule-local-finance": { layout: "balance", hues: [44, 226], dark: true, bgHues: [228, 236] },
  "advanced-packaging-foundry": { layout: "tiles", hues: [266, 180], dark: true },
  "flood-risk-climate-data": { layout: "waves", hues: [212, 196, 230], dark: true },
  "pension-reform-arithmetic": { layout: "coins", hues: [214, 12], dark: false, sat: 48 },
  "masthead-og-default": { layout: "orbits", hues: [222, 28], dark: true },
};

function heroSvg(key, W, H) {
  const rand = rng(hash32(key));
  const hint = HINTS[key] ?? {};
  const p = palette(rand, hint);
  if (hint.bgHues) {
    p.bgA = hsl(hint.bgHues[0], p.sat * 0.75, 10);
    p.bgB = hsl(hint.bgHues[1], p.sat * 0.85, 22);
  }
  const name = hint.layout ?? RANDOM_LAYOUTS[Math.floor(rand() * RANDOM_LAYOUTS.length)];
  const layout = LAYOUTS[name];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  ${defs(p, rand, W, H)}
  ${glows(p, rand, W, H)}
  <g filter="url(#soft)">${layout(p, rand, W, H, hint)}</g>
  <rect width="${W}" height="${H}" fill="url(#vig)"/>
</svg>`;
}

// Avatars: centred, circle-friendly composition (the important part stays inside the inscribed circle).
function avatarSvg(key, index = 0) {
  const S = 256;
  const rand = rng(hash32("avatar:" + key));
  // Hues spaced around the wheel by byline order (golden angle), nudged by the hash.
  const h = (index * 137.5 + (hash32(key) % 40) + 200) % 360;
  const p = palette(rand, { hues: [h, h + 35, h - 30], sat: 40 + rand() * 15, dark: index % 2 === 1 });
  const cx = S / 2;
  const cy = S / 2;
  let shapes = "";
  const variant = Math.floor(rand() * 3);
  if (variant === 0) {
    // nested rings
    for (let i = 5; i >= 1; i--) {
      shapes += `<circle cx="${cx + (rand() - 0.5) * 10}" cy="${cy + (rand() - 0.5) * 10}" r="${r2(i * 19)}" fill="url(#l${i % 4})" opacity="${r2(0.35 + (5 - i) * 0.12)}"/>`;
    }
  } else if (variant === 1) {
    // overlapping discs, like a Venn diagram
    for (let i = 0; i < 3; i++) {
      const a = (i / 3) * Math.PI * 2 + rand();
      shapes += `<circle cx="${r2(cx + Math.cos(a) * 30)}" cy="${r2(cy + Math.sin(a) * 30)}" r="${r2(52 + rand() * 10)}" fill="url(#l${i})" opacity=".75"/>`;
    }
  } else {
    // sun over horizon
    shapes += `<circle cx="${cx}" cy="${r2(cy - 10)}" r="${r2(58 + rand() * 12)}" fill="url(#l0)"/>`;
    for (let i = 0; i < 4; i++) {
      const y = cy + 30 + i * 18;
      shapes += `<rect x="${r2(cx - 95 + i * 12)}" y="${r2(y)}" width="${r2(190 - i * 24)}" height="9" rx="4.5" fill="url(#l${(i + 1) % 4})" opacity="${r2(0.85 - i * 0.15)}"/>`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}">
  ${defs(p, rand, S, S)}
  ${glows(p, rand, S, S, 2)}
  ${shapes}
</svg>`;
}

// ── output ──────────────────────────────────────────────────────────────────
async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function writeJpegRaw(svg, file, W, H) {
  await mkdir(path.dirname(file), { recursive: true });
  let quality = 72;
  let buf;
  do {
    buf = await sharp(Buffer.from(svg)).resize(W, H).jpeg({ quality, progressive: true, mozjpeg: true }).toBuffer();
    quality -= 6;
  } while (buf.length > 120_000 && quality >= 50);
  await writeFile(file, buf);
  return buf.length;
}

async function writePng(svg, file, S) {
  await mkdir(path.dirname(file), { recursive: true });
  const buf = await sharp(Buffer.from(svg)).resize(S, S).png({ compressionLevel: 9, palette: true, quality: 90, dither: 0.6 }).toBuffer();
  await writeFile(file, buf);
  return buf.length;
}

async function main() {
  const source = await readFile(contentFile, "utf8");
  const heroes = [...new Set([...source.matchAll(/heroImage:\s*"\/images\/hero\/([a-z0-9-]+)\.jpg"/g)].map((m) => m[1]))];
  const authors = [...new Set([...source.matchAll(/avatarUrl:\s*"\/images\/authors\/([a-z0-9-]+)\.png"/g)].map((m) => m[1]))];
  if (heroes.length === 0) throw new Error(`no heroImage paths found in ${contentFile}`);

  let total = 0;
  let written = 0;
  for (const slug of heroes) {
    const file = path.join(publicDir, "images/hero", `${slug}.jpg`);
    if (!force && (await exists(file))) continue;
    total += await writeJpegRaw(heroSvg(slug, 1600, 900), file, 1600, 900);
    written++;
  }
  for (const [index, slug] of authors.entries()) {
    const file = path.join(publicDir, "images/authors", `${slug}.png`);
    if (!force && (await exists(file))) continue;
    total += await writePng(avatarSvg(slug, index), file, 256);
    written++;
  }
  const og = path.join(publicDir, "images/og-default.jpg");
  if (force || !(await exists(og))) {
    total += await writeJpegRaw(heroSvg("masthead-og-default", 1200, 630), og, 1200, 630);
    written++;
  }
  console.log(`generate-images: ${heroes.length} heroes, ${authors.length} avatars; wrote ${written} file(s), ${total} bytes`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
