// @ts-check
// Cache values hold Buffers (RSC payloads, route bodies) and Maps (per-segment prefetch data);
// JSON alone would turn them into plain objects, so they are tagged on the way in and restored
// on the way out. Pure functions, no I/O.

const BUFFER = "__mh_buf";
const MAP = "__mh_map";

/** @param {unknown} value @returns {unknown} */
function pack(value) {
  if (value === null || typeof value !== "object") return value;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { [BUFFER]: Buffer.from(value).toString("base64") };
  if (value instanceof Map) return { [MAP]: [...value].map(([k, v]) => [k, pack(v)]) };
  if (Array.isArray(value)) return value.map(pack);
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = pack(v);
  return out;
}

/** @param {unknown} value @returns {unknown} */
function unpack(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(unpack);
  const tagged = /** @type {{ [BUFFER]?: unknown; [MAP]?: unknown }} */ (value);
  if (typeof tagged[BUFFER] === "string") return Buffer.from(tagged[BUFFER], "base64");
  if (Array.isArray(tagged[MAP])) return new Map(tagged[MAP].map(([k, v]) => [k, unpack(v)]));
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = unpack(v);
  return out;
}

/** @param {unknown} entry @returns {string} */
export function encodeEntry(entry) {
  return JSON.stringify(pack(entry));
}

/** @param {string} text @returns {unknown} */
export function decodeEntry(text) {
  return unpack(JSON.parse(text));
}
