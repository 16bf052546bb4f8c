// @ts-check
// This instance's own copy of cache entries, bounded by an approximate byte size (least recently
// used out first). It serves while Redis is unreachable and, while Redis is up, spares the
// transfer of an entry whose shared version this instance already holds.

export class LocalStore {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = Math.max(1, maxBytes);
    this.bytes = 0;
    /** @type {Map<string, { entry: any, size: number }>} */
    this.items = new Map();
  }

  /** @param {string} key */
  get(key) {
    const item = this.items.get(key);
    if (!item) return undefined;
    this.items.delete(key);
    this.items.set(key, item);
    return item.entry;
  }

  /** @param {string} key @param {any} entry @param {number} size encoded length, as an estimate */
  set(key, entry, size) {
    this.delete(key);
    if (size > this.maxBytes) return;
    this.items.set(key, { entry, size });
    this.bytes += size;
    for (const [oldest, item] of this.items) {
      if (this.bytes <= this.maxBytes) break;
      this.items.delete(oldest);
      this.bytes -= item.size;
    }
  }

  /** @param {string} key */
  delete(key) {
    const item = this.items.get(key);
    if (!item) return;
    this.items.delete(key);
    this.bytes -= item.size;
  }

  get size() {
    return this.items.size;
  }
}
