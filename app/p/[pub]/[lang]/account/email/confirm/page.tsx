import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getEmailChangeByHash } from "@/db/queries/account";
import { emailChangeLinkState, hashEmailChangeToken, isEmailChangeTokenShape } from "@/lib/account/email-change-rules";
import { dict } from "@/lib/i18n";
import { pageContext, pageLang, type PageParams } from "../../../lang";
import { ConfirmEmailChangeForm } from "./_components/confirm-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: dict(await pageLang(params)).selfService.confirmTitle, robots: { index: false }, referrer: "no-referrer" };
}

// Opening the link only reads: the change happens on the button's POST (the server action).
export default async function ConfirmEmailChangePage({ params, searchParams }: Props) {
  const { lang } = await pageContext(params);
  const t = dict(lang).selfService;
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && isEmailChangeTokenShape(raw) ? raw : null;
  const link = token ? await getEmailChangeByHash(await getDb(), hashEmailChangeToken(token)) : null;
  const valid = link !== null && emailChangeLinkState(link, new Date()) === "valid";
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="headline text-3xl font-bold">{t.confirmTitle}</h1>
      {valid && token ? (
        <>
          <p>{t.confirmBody(link.newEmail)}</p>
          <ConfirmEmailChangeForm lang={lang} token={token} />
        </>
      ) : (
        <p role="alert" data-testid="email-confirm-status">
          {t.linkInvalid}
        </p>
      )}
    </div>
  );
}
