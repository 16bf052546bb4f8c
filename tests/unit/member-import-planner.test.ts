import { describe, expect, it } from "vitest";
import type { TierRef } from "@/lib/access";
import { levelResolver, parseMapArgs } from "@/lib/import/members/mapping";
import { isCovered, planCandidate, type ExistingGrant, type ExistingMember, type PlanContext } from "@/lib/import/members/planner";
import { FileMemory, sourceRefPrefix, type ScreenContext } from "@/lib/import/members/screen";
import { MemberImportOptionError, type SourceEntry } from "@/lib/import/members/types";

const NOW = new Date("2026-11-28T00:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const tiers: TierRef[] = [
  { slug: "free", rank: 0, canComment: false },
  { slug: "supporter", rank: 1, canComment: false },
  { slug: "premium", rank: 2, canComment: true },
];
const mappingTiers = [
  { slug: "free", name: "무료 회원", nameEn: "Free", rank: 0 },
  { slug: "supporter", name: "서포터", nameEn: "Supporter", rank: 1 },
  { slug: "premium", name: "프리미엄", nameEn: "Premium", rank: 2 },
];

const entry = (over: Partial<SourceEntry> = {}): SourceEntry => ({
  line: 2,
  email: "a@example.com",
  name: "김민수",
  level: "Gold",
  levelKey: "gold",
  levelAliases: [],
  startsAt: at(-100),
  ends: { kind: "at", at: at(30) },
  createdAt: at(-100),
  newsletter: null,
  stripeCustomerId: null,
  note: null,
  ...over,
});

function screen(entries: SourceEntry[], map: Record<string, string> = { Gold: "premium", Silver: "supporter" }, paidUntil: Date | null = null) {
  const memory = new FileMemory();
  const ctx: ScreenContext = { format: "pmpro", publicationId: 1, resolver: levelResolver(map, mappingTiers), paidUntil };
  return entries.map((e) => memory.screen(e, ctx));
}

const candidate = (e: Partial<SourceEntry> = {}) => screen([entry(e)])[0].candidate!;
const REF = `${sourceRefPrefix("pmpro", 1, "a@example.com")}gold`;

const ctx = (owners: Record<string, number> = {}): PlanContext => ({
  now: NOW,
  tiers,
  newsletterDefault: false,
  refPrefix: (email) => sourceRefPrefix("pmpro", 1, email),
  stripeOwner: (id) => owners[id] ?? null,
});

let nextId = 1;
const grant = (over: Partial<ExistingGrant>): ExistingGrant => ({
  id: nextId++,
  tierSlug: "premium",
  startsAt: at(-100),
  endsAt: at(30),
  revokedAt: null,
  source: "comp",
  sourceRef: null,
  ...over,
});
const existing = (over: Partial<ExistingMember> = {}): ExistingMember => ({
  id: 7,
  name: null,
  stripeCustomerId: null,
  hasAccount: false,
  isNew: false,
  grants: [],
  ...over,
});

describe("level mapping", () => {
  it("explicit pairs win, tier slugs and names map by themselves, anything else is unknown", () => {
    const r = levelResolver(parseMapArgs(["Gold Member=premium,Silver=supporter", "Old=skip"]), mappingTiers);
    expect(r.resolve({ level: "gold member", levelAliases: [] })).toEqual({ kind: "tier", slug: "premium", rank: 2 });
    expect(r.resolve({ level: "OLD", levelAliases: [] })).toEqual({ kind: "skip" });
    expect(r.resolve({ level: "프리미엄", levelAliases: [] })).toEqual({ kind: "tier", slug: "premium", rank: 2 });
    expect(r.resolve({ level: "Supporter", levelAliases: [] })).toEqual({ kind: "tier", slug: "supporter", rank: 1 });
    expect(r.resolve({ level: null, levelAliases: [] })).toEqual({ kind: "free" });
    expect(r.resolve({ level: "Platinum", levelAliases: [] })).toBeNull();
    // PMPro's level id works as a key too.
    expect(levelResolver({ "#3": "premium" }, mappingTiers).resolve({ level: "Lifetime", levelAliases: ["3", "#3"] })).toMatchObject({ slug: "premium" });
  });

  it("refuses a pair that is not level=tier or names no paid tier", () => {
    expect(() => parseMapArgs(["Gold"])).toThrow(MemberImportOptionError);
    expect(() => parseMapArgs(["=premium"])).toThrow(MemberImportOptionError);
    expect(() => levelResolver({ Gold: "platinum" }, mappingTiers)).toThrow(
      /"platinum" is not a tier of this publication \(use supporter, premium, free, skip\)/,
    );
    // Splits on the last "=": a level name may hold one.
    expect(parseMapArgs(["a=b=premium"])).toEqual({ "a=b": "premium" });
  });
});

describe("screening the file", () => {
  it("duplicates of an address and level are skipped with the first line; another level of the same member is kept", () => {
    const results = screen([entry({ line: 2 }), entry({ line: 3 }), entry({ line: 4, level: "Silver", levelKey: "silver" })]);
    expect(results[0].candidate).toMatchObject({ first: true, sourceRef: REF });
    expect(results[1]).toMatchObject({ candidate: null, issue: { line: 3, kind: "duplicate", message: "a@example.com (Gold) already on line 2: skipped" } });
    expect(results[2].candidate).toMatchObject({ first: false, target: { slug: "supporter" } });
  });

  it("an unknown level, a skipped level and a paying member without an end are reported", () => {
    const [unknown, skipped, missing] = screen(
      [
        entry({ level: "Bronze", levelKey: "bronze" }),
        entry({ line: 3, email: "b@example.com", level: "Old", levelKey: "old" }),
        entry({ line: 4, email: "c@example.com", ends: { kind: "unknown" } }),
      ],
      { Gold: "premium", Old: "skip" },
    );
    expect(unknown.issue).toMatchObject({ kind: "unknown_level" });
    expect(unknown.level).toEqual({ label: "Bronze", target: null });
    expect(skipped.issue).toMatchObject({ kind: "skipped_level" });
    expect(missing.issue).toMatchObject({ kind: "missing_end", line: 4 });
    const [paid] = screen([entry({ ends: { kind: "unknown" } })], { Gold: "premium" }, at(33));
    expect(paid.candidate?.endsAt).toEqual(at(33));
  });

  it("a Stripe customer goes to the first address of the file that names it", () => {
    const [first, second] = screen([entry({ stripeCustomerId: "cus_1" }), entry({ line: 3, email: "b@example.com", stripeCustomerId: "cus_1" })]);
    expect(first.candidate?.stripeCustomerId).toBe("cus_1");
    expect(second.candidate?.stripeCustomerId).toBeNull();
    expect(second.issue).toMatchObject({ kind: "stripe_conflict", line: 3 });
  });
});

describe("planning an entry", () => {
  it("a new member: created with a grant from the file's dates and an account without the newsletter", () => {
    const d = planCandidate(candidate(), null, ctx());
    expect(d).toMatchObject({ member: "create", fill: { name: "김민수" }, account: { newsletter: false }, bumpEpoch: false });
    expect(d.grant).toEqual({ kind: "create", history: false, values: { tierSlug: "premium", startsAt: at(-100), endsAt: at(30) } });
  });

  it.each([
    ["ended yesterday", at(-1), true],
    ["ends exactly now", NOW, true],
    ["ends a millisecond from now", new Date(NOW.getTime() + 1), false],
  ])("a membership that %s is history: %s", (_label, end, history) => {
    const d = planCandidate(candidate({ ends: { kind: "at", at: end } }), null, ctx());
    expect(d.grant).toMatchObject({ kind: "create", history });
  });

  it("an existing member keeps their name and Stripe customer; only empty fields are filled", () => {
    const d = planCandidate(candidate({ stripeCustomerId: "cus_new" }), existing({ name: "Kim", stripeCustomerId: "cus_old", hasAccount: true }), ctx());
    expect(d).toMatchObject({ member: "unchanged", fill: {}, account: null });
    expect(d.issues).toEqual([expect.objectContaining({ kind: "stripe_conflict" })]);
    const filled = planCandidate(candidate({ stripeCustomerId: "cus_new" }), existing(), ctx());
    expect(filled).toMatchObject({ member: "update", fill: { name: "김민수", stripeCustomerId: "cus_new" } });
    const taken = planCandidate(candidate({ stripeCustomerId: "cus_new" }), existing(), ctx({ cus_new: 99 }));
    expect(taken.fill.stripeCustomerId).toBeUndefined();
    expect(taken.issues[0].message).toContain("member #99");
  });

  it("access the member already has for the whole period makes the grant redundant; a gap or a lower tier does not", () => {
    const premiumLonger = existing({ grants: [grant({ endsAt: at(60) })] });
    expect(planCandidate(candidate(), premiumLonger, ctx()).grant).toMatchObject({ kind: "covered", by: { endsAt: at(60) } });
    const premiumShorter = existing({ grants: [grant({ endsAt: at(10) })] });
    expect(planCandidate(candidate(), premiumShorter, ctx()).grant).toMatchObject({ kind: "create" });
    const supporter = existing({ grants: [grant({ tierSlug: "supporter", endsAt: null })] });
    expect(planCandidate(candidate(), supporter, ctx()).grant).toMatchObject({ kind: "create" });
    const revoked = existing({ grants: [grant({ endsAt: at(60), revokedAt: at(-1) })] });
    expect(planCandidate(candidate(), revoked, ctx()).grant).toMatchObject({ kind: "create" });
  });

  it("its own grant is found by sourceRef: same facts unchanged, more extends, less is kept, revoked stays revoked", () => {
    const own = (over: Partial<ExistingGrant>) => existing({ grants: [grant({ source: "import", sourceRef: REF, ...over })] });
    expect(planCandidate(candidate(), own({}), ctx()).grant).toMatchObject({ kind: "unchanged" });
    // A file without a start leaves the start as it was.
    expect(planCandidate(candidate({ startsAt: null }), own({}), ctx()).grant).toMatchObject({ kind: "unchanged" });
    const longer = planCandidate(candidate({ ends: { kind: "at", at: at(90) } }), own({}), ctx());
    expect(longer.grant).toMatchObject({ kind: "update", values: { endsAt: at(90) }, before: { endsAt: at(30) } });
    expect(longer.bumpEpoch).toBe(true);
    const shorter = planCandidate(candidate({ ends: { kind: "at", at: at(10) } }), own({}), ctx());
    expect(shorter.grant).toMatchObject({ kind: "kept" });
    expect(shorter.issues[0].kind).toBe("kept_higher");
    const lower = planCandidate(screen([entry({ level: "Silver", levelKey: "gold" })])[0].candidate!, own({}), ctx());
    expect(lower.grant).toMatchObject({ kind: "kept" });
    const lifetime = planCandidate(candidate({ ends: { kind: "lifetime" } }), own({ endsAt: at(30) }), ctx());
    expect(lifetime.grant).toMatchObject({ kind: "update", values: { endsAt: null } });
    expect(planCandidate(candidate(), own({ revokedAt: at(-5) }), ctx()).grant).toMatchObject({ kind: "kept" });
  });

  it("other rows of the same source never count as existing access, so row order does not matter", () => {
    const sibling = grant({ source: "import", sourceRef: `${sourceRefPrefix("pmpro", 1, "a@example.com")}silver`, tierSlug: "premium", endsAt: null });
    expect(planCandidate(candidate(), existing({ grants: [sibling] }), ctx()).grant).toMatchObject({ kind: "create" });
  });

  it("a member made by this batch counts as created; later entries of a member carry no member fields", () => {
    expect(planCandidate(candidate(), existing({ isNew: true }), ctx())).toMatchObject({ member: "create", bumpEpoch: false });
    const [, later] = screen([entry(), entry({ line: 3, level: "Silver", levelKey: "silver" })]);
    expect(planCandidate(later.candidate!, existing(), ctx())).toMatchObject({ member: null, account: null, fill: {}, bumpEpoch: true });
  });
});

describe("coverage", () => {
  const g = (tierSlug: string, from: number, to: number | null) => grant({ tierSlug, startsAt: at(from), endsAt: to === null ? null : at(to) });
  it("is exact at the boundaries: back-to-back grants cover, a gap of one millisecond does not", () => {
    expect(isCovered([g("premium", -1, 10), g("premium", 10, 40)], tiers, 2, NOW, at(30))).toBe(true);
    const gap = [g("premium", -1, 10), grant({ startsAt: new Date(at(10).getTime() + 1), endsAt: at(40) })];
    expect(isCovered(gap, tiers, 2, NOW, at(30))).toBe(false);
    expect(isCovered([g("premium", -1, 30)], tiers, 2, NOW, at(30))).toBe(true);
    expect(isCovered([g("premium", -1, 30)], tiers, 2, NOW, null)).toBe(false);
    expect(isCovered([g("premium", -1, null)], tiers, 1, NOW, null)).toBe(true);
    expect(isCovered([g("supporter", -1, null)], tiers, 2, NOW, at(1))).toBe(false);
  });
});
