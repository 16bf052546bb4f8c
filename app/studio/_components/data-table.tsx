// The studio's tables: one header row of left-aligned columns, scrolling sideways on a narrow
// screen; the caller renders the body rows. A column is its label, or the label with classes of
// its own (e.g. "text-right" for numbers); "" leaves a header cell empty (a column of buttons).
export type Column = string | { label: string; className: string };

/** A column of numbers, aligned right. */
export const numeric = (label: string): Column => ({ label, className: "text-right" });

export function DataTable({
  testId,
  columns,
  className = "w-full bg-white text-sm",
  children,
}: {
  testId: string;
  columns: Column[];
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={className} data-testid={testId}>
        <thead>
          <tr className="border-b border-rule text-left">
            {columns.map((c, i) =>
              typeof c === "string" ? (
                <th key={i} className="p-2">
                  {c}
                </th>
              ) : (
                <th key={i} className={`p-2 ${c.className}`}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
