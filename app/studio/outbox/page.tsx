import { desc } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { getStaffActor } from "@/lib/studio/guard";
import { Instant } from "../_components/studio-clock";

// Mail that would have been sent without an SMTP server (local demo): admins only.
export default async function OutboxPage() {
  // Mail to every publication's readers lands here: network admins only.
  const actor = await getStaffActor("admin");
  if (!actor?.network) redirect("/studio");
  const db = await getDb();
  const rows = await db.select().from(devOutbox).orderBy(desc(devOutbox.id)).limit(50);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="headline text-3xl font-bold">개발용 발신함</h1>
      <p className="text-muted">EMAIL_SERVER가 없을 때 보내지 않고 보관한 메일입니다 (최근 50건).</p>
      {rows.length === 0 ? (
        <p>보관된 메일이 없습니다.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-rule rounded border border-rule bg-white">
          {rows.map((m) => (
            <li key={m.id} className="p-4">
              <p className="text-sm text-muted">
                <Instant at={m.createdAt} /> → {m.to}
              </p>
              <p className="font-semibold">{m.subject}</p>
              {m.url ? (
                <a href={m.url} className="break-all text-accent-dark underline">
                  {m.url}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
