import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { OG_FONT_FAMILY } from "./font-family";

// Satori (next/og) reads ttf/otf/woff only, and has no system fonts: without a Hangul-capable font
// every Korean title would render as blank boxes. See lib/seo/fonts/README.md.
const FONT_FILE = path.join(process.cwd(), "lib", "seo", "fonts", "NotoSansCJKkr-Bold-subset.otf");

type OgFont = { name: string; data: ArrayBuffer; weight: 700; style: "normal" };

let loading: Promise<OgFont[]> | null = null;

// Read once per process; a failed read is retried on the next request instead of being cached.
export function loadOgFonts(): Promise<OgFont[]> {
  loading ??= readFile(FONT_FILE).then(
    (buf) => [{ name: OG_FONT_FAMILY, data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer, weight: 700, style: "normal" }],
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
