import { getDb } from "@/db/client";
import { getLivePrivateFeedForMember } from "@/db/queries/feeds";
import { canHavePrivateFeed, type TierRef } from "@/lib/access";
import { feedMessages } from "@/lib/feeds/messages";
import type { UiLang } from "@/lib/i18n";
import { PrivateFeedPanel } from "./private-feed-panel";
import { AccountSection } from "./account-section";

// The account page's private feed block: shown to paying members, and to anyone who still has a
// live URL (so a lapsed member can stop it). The secret itself is never shown here: only its
// hash is stored, so the URL appears once, in the panel, right after it is issued.
export async function PrivateFeedSection({
  lang,
  timeZone,
  publicationId,
  memberId,
  tier,
}: {
  lang: UiLang;
  timeZone: string;
  publicationId: number;
  memberId: number;
  tier: TierRef;
}) {
  const live = await getLivePrivateFeedForMember(await getDb(), publicationId, memberId);
  const eligible = canHavePrivateFeed(tier);
  const m = feedMessages(lang);
  if (!eligible && !live) return null;
  return (
    <AccountSection id="private-feed-heading" heading={m.heading} testId="private-feed">
      <p className="text-muted">{m.intro}</p>
      {eligible ? null : <p className="text-muted">{m.lapsed}</p>}
      <PrivateFeedPanel
        lang={lang}
        timeZone={timeZone}
        eligible={eligible}
        initial={{ live: live ? { createdAt: live.createdAt.toISOString() } : null, url: null }}
      />
    </AccountSection>
  );
}
