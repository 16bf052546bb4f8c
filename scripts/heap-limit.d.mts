export const DEFAULT_HEAP_MB: number;
export function serverNodeOptions(env: Record<string, string | undefined>): string;
