/** The part of Next's cache handler interface the wrapper touches. */
export interface CacheHandlerLike {
  get(key: string, ctx?: unknown): Promise<unknown>;
  set(key: string, data: unknown, ctx?: unknown): Promise<unknown>;
}
export function addScriptHashPolicy<T>(value: T, options?: { dev?: boolean; https?: boolean }): T;
export function withScriptHashPolicy<H extends new (...args: never[]) => CacheHandlerLike>(Handler: H): H;
