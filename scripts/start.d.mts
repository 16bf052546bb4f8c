export function ensureBuild(): void;
export function resetRuntimeCache(): void;
