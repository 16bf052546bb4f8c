export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4 py-8">
      <span className="sr-only">Loading… 불러오는 중…</span>
      <div className="h-8 w-2/3 animate-pulse rounded bg-black/10" />
      <div className="h-4 w-full animate-pulse rounded bg-black/10" />
      <div className="h-4 w-5/6 animate-pulse rounded bg-black/10" />
    </div>
  );
}
