import { switchStudioPublicationAction } from "../_actions/switch-publication";
import type { PublicationRef } from "@/lib/publications/model";

// Which publication the studio works on; lists only those the member works in.
export function PublicationSwitcher({ current, options }: { current: PublicationRef; options: PublicationRef[] }) {
  if (options.length < 2 && options.some((p) => p.id === current.id)) {
    return (
      <span className="rounded bg-black/5 px-2 py-1 text-xs font-semibold" data-testid="studio-publication">
        {current.name}
      </span>
    );
  }
  return (
    <form action={switchStudioPublicationAction} className="flex items-center gap-1 text-xs">
      <label htmlFor="studio-publication" className="sr-only">
        발행처 (publication)
      </label>
      <select
        id="studio-publication"
        name="publication"
        defaultValue={current.slug}
        className="rounded border border-rule bg-white px-2 py-1"
        data-testid="studio-publication"
      >
        {options.some((p) => p.id === current.id) ? null : <option value={current.slug}>{current.name} (권한 없음)</option>}
        {options.map((p) => (
          <option key={p.id} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-rule bg-white px-2 py-1">
        전환
      </button>
    </form>
  );
}
