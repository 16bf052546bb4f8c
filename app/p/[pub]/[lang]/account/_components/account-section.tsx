// One part of the account page: a section named by its heading.
export function AccountSection({ id, heading, testId, children }: { id: string; heading: React.ReactNode; testId?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3" data-testid={testId}>
      <h2 id={id} className="text-xl font-bold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
