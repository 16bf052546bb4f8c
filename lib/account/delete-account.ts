import type { Db } from "@/db/client";
import { listCommentedPieces, loadAdminCover, scrubDeletedMember } from "@/db/queries/account";
import { normalizeEmail } from "@/db/queries/members";
import type { Member } from "@/db/schema";
import { isNetworkAdmin, orphanedByLeaving } from "@/lib/access";
import { cancelMemberSubscriptions, type SubscriptionCancellers } from "@/lib/billing/provider";
import { realCustomerId } from "@/lib/billing/stripe/checkout";
import { AppError } from "@/lib/http/errors";
import { recordAudit } from "@/lib/studio/audit";

/** The confirm step: the member types their own address. */
export function deletionConfirmed(member: Pick<Member, "email">, typed: string): boolean {
  return normalizeEmail(typed) === member.email;
}

/** Refuses the deletion of a last admin (of the network, or of a publication without a network admin). */
async function assertNotLastAdmin(db: Db, member: Member) {
  const cover = await loadAdminCover(db, member.id, isNetworkAdmin(member.role));
  const orphaned = orphanedByLeaving({ networkRole: member.role, ...cover });
  if (orphaned.network || orphaned.publicationIds.length > 0) {
    throw new AppError("conflict", "member", "The last admin cannot delete their account: make another member an admin first.");
  }
}

/** The member's customer record at Stripe goes too; if Stripe cannot be reached, nothing is deleted yet. */
async function eraseStripeCustomer(member: Member, cancel: SubscriptionCancellers) {
  const customer = realCustomerId(member.stripeCustomerId);
  if (!customer) return;
  try {
    await cancel.stripeCustomer(customer);
  } catch {
    throw new AppError("unavailable", "subscription", "Could not erase the customer record at Stripe.");
  }
}

/**
 * Deletes a member's account (GDPR art. 17, PIPA art. 36). Order matters: a last admin is refused
 * before anything happens; subscriptions are cancelled at the provider, and nothing is deleted if
 * that fails (a deleted account must never be charged again); the Stripe customer record is erased
 * next, on the same terms; then grants end, sessions end and personal data is scrubbed in one
 * transaction with its audit entry, where the last-admin check runs again under the lock that
 * serializes admins' deletions. Returns the pieces whose discussions must be refreshed.
 */
export async function deleteMemberAccount(db: Db, member: Member, cancel: SubscriptionCancellers, now: Date, publicationId: number | null = null) {
  if (member.deletedAt) throw new AppError("not_found", "member", "No such account.");
  await assertNotLastAdmin(db, member);
  const { cancelled } = await cancelMemberSubscriptions(db, member.id, cancel);
  await eraseStripeCustomer(member, cancel);
  const pieces = await listCommentedPieces(db, member.id);
  const scrubbed = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await assertNotLastAdmin(tx, member);
    const done = await scrubDeletedMember(tx, member.id, now);
    if (!done) throw new AppError("not_found", "member", "No such account.");
    // The audit row names the member by id only: the address it had is personal data.
    await recordAudit(
      tx,
      { memberId: member.id, label: `member:${member.id}`, role: "editor", publicationId, network: false },
      {
        action: "member.delete",
        subjectType: "member",
        subjectId: member.id,
        memberId: member.id,
        summary: "회원이 계정을 삭제함",
        details: { cancelledSubscriptions: cancelled, endedGrants: done.endedGrants },
      },
    );
    return done;
  });
  return { cancelled, endedGrants: scrubbed.endedGrants, epoch: scrubbed.epoch, pieces };
}
