/** `'sha256-…'` sources for every executable inline script in `html`, deduplicated, in order. */
export function inlineScriptHashes(html: string): string[];
