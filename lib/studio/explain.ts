import { formatDateTime } from "@/lib/time/format";
import {
  canRead,
  requiredRank,
  readableUntilChange,
  resolveAccessTimeline,
  resolveEffectiveAccess,
  tierBySlug,
  type GrantLike,
  type TierRef,
} from "@/lib/access";

// "Why can this member read this piece?" — composed only from the pure access rules, so the
// explanation can never disagree with what the site serves.

export type ExplainPiece = { slug: string; access: string; unlockAt: Date | null; live: boolean; publishAt: Date | null };
export type Explanation = {
  canRead: boolean;
  cacheTier: string;
  tier: TierRef;
  grant: GrantLike | null;
  requiredLabel: string;
  // The earliest instant at which the answer may change (grant ends/starts, or the unlock).
  changesAt: Date | null;
  // When the member could next read the piece, if not now (a later grant or the unlock).
  readableFrom: Date | null;
  reasons: string[];
};

function label(access: string, tiers: readonly TierRef[]): string {
  if (access === "public") return "공개 (public)";
  if (access === "free") return "회원 (free)";
  const t = tierBySlug(tiers, access);
  return t ? `${t.name ?? t.slug} (${t.slug})` : `${access} (알 수 없는 등급 — 아무도 읽을 수 없음)`;
}

// Instants print on the studio's one clock: the publication's zone, named (issue 20 item 14).
export function explainAccess(input: {
  piece: ExplainPiece;
  grants: readonly GrantLike[];
  tiers: readonly TierRef[];
  now: Date;
  timeZone?: string;
}): Explanation {
  const { piece, grants, tiers, now } = input;
  const fmt = (d: Date) => formatDateTime(d, { timeZone: input.timeZone, zone: true });
  const access = resolveEffectiveAccess({ grants, tiers, now, signedIn: true });
  const readable = canRead(piece, access.tier, tiers, now);
  const unlockChange = readableUntilChange(piece, now);
  const changes = [access.until, unlockChange].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime());
  const reasons: string[] = [];
  const tierName = `${access.tier.name ?? access.tier.slug} (${access.tier.slug}, rank ${access.tier.rank})`;
  reasons.push(
    access.grant
      ? `현재 등급은 ${tierName}: 권한 #${access.grant.id ?? "?"} (${access.grant.source ?? "?"})에서 옵니다.`
      : `현재 등급은 ${tierName}: 유효한 유료 권한이 없어 가입 회원 기본 등급입니다.`,
  );
  if (access.until) reasons.push(`이 등급은 ${fmt(access.until)}에 바뀝니다.`);
  if (!piece.live)
    reasons.push(
      piece.publishAt ? `기사가 아직 발행 전입니다 (${fmt(piece.publishAt)} 예정): 독자에게는 404입니다.` : "기사가 초안입니다: 독자에게는 404입니다.",
    );
  if (piece.access === "public") reasons.push("공개 기사라 누구나 전문을 읽습니다.");
  else if (piece.unlockAt && !unlockChange) reasons.push(`${fmt(piece.unlockAt)}에 공개로 전환되어 누구나 읽습니다.`);
  else if (readable) reasons.push(`필요 등급 ${label(piece.access, tiers)}(rank ${requiredRank(piece, tiers)}) 이상이라 전문을 읽습니다.`);
  else reasons.push(`필요 등급 ${label(piece.access, tiers)}(rank ${requiredRank(piece, tiers)})에 못 미쳐 미리보기와 구독 안내만 봅니다.`);
  if (unlockChange) reasons.push(`${fmt(unlockChange)}에 공개로 전환될 예정입니다.`);

  // When not readable now: walk the member's future access segments (later grants) and the unlock.
  let readableFrom: Date | null = null;
  if (!readable) {
    for (const seg of resolveAccessTimeline({ grants, tiers, now, signedIn: true, steps: 8 }).slice(1)) {
      const t = tierBySlug(tiers, seg.tier);
      if (t && canRead(piece, t, tiers, seg.from)) {
        readableFrom = seg.from;
        break;
      }
    }
    if (unlockChange && (!readableFrom || unlockChange.getTime() < readableFrom.getTime())) readableFrom = unlockChange;
    if (readableFrom) reasons.push(`${fmt(readableFrom)}부터 읽을 수 있게 됩니다.`);
  }
  reasons.push(`사이트는 이 회원에게 "${access.tier.slug}" 등급의 캐시된 렌더를 제공합니다.`);
  return {
    canRead: readable && piece.live,
    cacheTier: access.tier.slug,
    tier: access.tier,
    grant: access.grant,
    requiredLabel: label(piece.access, tiers),
    changesAt: changes[0] ?? null,
    readableFrom,
    reasons,
  };
}
