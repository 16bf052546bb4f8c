import Link from "next/link";

// The frame of both checkouts (demo, PortOne): the way back, the stand-in's badge and notice when
// no real gateway is behind the page, and the order beside the payment form.

/** The intent cannot be paid (expired, another member's, the plan gone): say why, and the way back. */
export function CheckoutProblem({
  title,
  problem,
  backHref,
  backLabel,
  testId,
}: {
  title: string;
  problem: string | null;
  backHref: string;
  backLabel: string;
  testId: string;
}) {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 py-8" data-testid={testId}>
      <h1 className="headline text-3xl font-bold">{title}</h1>
      <p role="alert">{problem}</p>
      <Link href={backHref} className="self-start rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
        {backLabel}
      </Link>
    </div>
  );
}

export function CheckoutFrame({
  title,
  backHref,
  backLabel,
  standIn,
  order,
  payment,
}: {
  title: string;
  backHref: string;
  backLabel: string;
  // Without the gateway's keys: the badge and the notice that nothing is charged.
  standIn: { badge: string; notice: string } | null;
  order: React.ReactNode;
  payment: React.ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={backHref} className="text-sm text-muted hover:underline">
          ← {backLabel}
        </Link>
        {standIn ? <span className="rounded bg-gold px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white">{standIn.badge}</span> : null}
      </div>
      <h1 className="sr-only">{title}</h1>
      {standIn ? <p className="rounded border border-gold/40 bg-amber-50 px-4 py-3 text-sm">{standIn.notice}</p> : null}
      <div className="grid overflow-hidden rounded-lg border border-rule bg-white shadow-sm md:grid-cols-2">
        <div className="bg-black/[0.03] p-6 md:p-10">{order}</div>
        <div className="p-6 md:p-10">{payment}</div>
      </div>
    </div>
  );
}
