export function ensureBuild(): void;
export function resetRuntimeCache(): void;
export function nodeOptionsOrExit(env: Record<string, string | undefined>): string;
