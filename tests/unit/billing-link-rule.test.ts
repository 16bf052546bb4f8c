import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimWins, LINK_RANK, type LinkState } from "@/lib/billing/ledger/link-rule";

const apply = (state: LinkState, claim: { memberId: number; rank: number }): LinkState =>
  claimWins(state, claim) ? { memberId: claim.memberId, memberLinkRank: claim.rank } : state;

describe("claimWins: which member a subscription is linked to", () => {
  const unlinked: LinkState = { memberId: null, memberLinkRank: 0 };

  it("links an unlinked subscription to any claim", () => {
    expect(claimWins(unlinked, { memberId: 7, rank: LINK_RANK.email })).toBe(true);
  });

  it("lets a stronger claim replace a weaker one, never the reverse", () => {
    const byEmail: LinkState = { memberId: 3, memberLinkRank: LINK_RANK.email };
    expect(claimWins(byEmail, { memberId: 9, rank: LINK_RANK.explicit })).toBe(true);
    expect(claimWins({ memberId: 9, memberLinkRank: LINK_RANK.explicit }, { memberId: 3, rank: LINK_RANK.customer })).toBe(false);
  });

  it("between equal claims keeps the lower member id, and repeating the current claim changes nothing", () => {
    const linked: LinkState = { memberId: 5, memberLinkRank: LINK_RANK.explicit };
    expect(claimWins(linked, { memberId: 4, rank: LINK_RANK.explicit })).toBe(true);
    expect(claimWins(linked, { memberId: 6, rank: LINK_RANK.explicit })).toBe(false);
    expect(claimWins(linked, { memberId: 5, rank: LINK_RANK.explicit })).toBe(false);
  });

  it("ends in the same link whatever order the claims arrive in", () => {
    const claim = fc.record({ memberId: fc.integer({ min: 1, max: 20 }), rank: fc.constantFrom(...Object.values(LINK_RANK)) });
    fc.assert(
      fc.property(fc.array(claim, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (claims, keys) => {
        const shuffled = claims
          .map((c, i) => ({ c, k: keys[i] }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.c);
        expect(shuffled.reduce(apply, unlinked)).toEqual(claims.reduce(apply, unlinked));
      }),
    );
  });
});
