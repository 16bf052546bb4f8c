import type { MemberImportFormat } from "../types";
import { genericReader } from "./generic";
import { ghostReader } from "./ghost";
import { pmproReader } from "./pmpro";
import type { FormatReader } from "./shared";
import { substackReader } from "./substack";

export const formatReaders: Record<MemberImportFormat, FormatReader> = {
  pmpro: pmproReader,
  ghost: ghostReader,
  substack: substackReader,
  csv: genericReader,
};

/** Header cells as the readers name columns: trimmed, lower-case, inner spaces kept. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase();
}

/** What the header lacks for `format`, in words; null when it has everything. */
export function missingColumns(format: MemberImportFormat, header: readonly string[]): string | null {
  const reader = formatReaders[format];
  const have = new Set(header);
  const missing = reader.required.filter((c) => !have.has(c));
  const groups = (reader.anyOf ?? []).filter((g) => !g.some((c) => have.has(c))).map((g) => g.join(" or "));
  const all = [...missing, ...groups];
  return all.length ? all.join(", ") : null;
}
