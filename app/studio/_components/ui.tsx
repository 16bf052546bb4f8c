import { formatDateTime } from "@/lib/time/format";
import type { ActionError } from "@/lib/studio/action-result";

// Small shared pieces of the studio's forms and tables.
export const inputClass = "w-full rounded border border-rule bg-white px-2 py-1.5 text-sm";
export const buttonClass = "rounded bg-ink px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50";
export const ghostButtonClass = "rounded border border-rule bg-white px-3 py-1.5 text-sm";

export function FieldError({ error, field }: { error: ActionError | null | undefined; field: string | string[] }) {
  const fields = Array.isArray(field) ? field : [field];
  if (!error?.field || !fields.includes(error.field)) return null;
  return (
    <p role="alert" className="mt-1 text-sm text-accent" data-testid={`error-${fields[0]}`}>
      {error.message}
    </p>
  );
}

// Errors that belong to no field of the form (or to a field this form does not show).
export function FormError({ error, fields }: { error: ActionError | null | undefined; fields: string[] }) {
  if (!error || (error.field && fields.includes(error.field))) return null;
  return (
    <p role="alert" className="rounded border border-accent bg-red-50 px-3 py-2 text-sm text-accent" data-testid="form-error">
      {error.message}
    </p>
  );
}

// A short error beside a button or at the end of a row (inline: a span; on a line of its own: a p).
export function InlineAlert({ message, testId, block }: { message: string | null | undefined; testId?: string; block?: boolean }) {
  if (!message) return null;
  const Tag = block ? "p" : "span";
  return (
    <Tag role="alert" className="text-sm text-accent" data-testid={testId}>
      {message}
    </Tag>
  );
}

export function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
    </div>
  );
}

// A label wrapping its control, for compact forms where the control needs no id.
export function LabeledControl({ label, className, children }: { label: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <label className={className ? `flex flex-col gap-1 text-sm ${className}` : "flex flex-col gap-1 text-sm"}>
      <span className="font-semibold">{label}</span>
      {children}
    </label>
  );
}

export type SelectOption = { value: string; label: string };

/** The <option>s of a select, in order. */
export function OptionList({ options }: { options: readonly SelectOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

export function PageTitle({ children, actions }: { children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <h1 className="headline text-3xl font-bold">{children}</h1>
      {actions}
    </div>
  );
}

// One clock for the whole studio: 24-hour, the publication's zone, named ("2026-12-06 14:05 KST").
// The zone is required: a page has it from studioTimeZone(), a client component from
// useStudioTimeZone(); inside JSX, <Instant at={…} /> (./studio-clock) finds it alone.
export function formatInstant(d: Date | string | null | undefined, timeZone: string): string {
  return formatDateTime(d, { timeZone, zone: true });
}
