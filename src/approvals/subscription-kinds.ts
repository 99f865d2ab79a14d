import type { Subscription } from '../api/models';
import type { CallContext, PartnerCenter } from '../api/partner-center';
import { AppError } from '../errors';
import type { ApprovalFacts, ApprovalRequest } from '../store/approvals';
import { type ApprovalKind, type ApprovalTarget, REACTIVATION, SUSPENSION } from './approval-kind';

/**
 * Suspending and reactivating a subscription: `PATCH …/subscriptions/{id}` with `status` and `If-Match` set
 * to the etag read when the request was made, so a subscription changed since then is never touched (412).
 */

type TargetStatus = 'active' | 'suspended';

function subscriptionIdOf(target: { subscriptionId?: string }): string {
  if (!target.subscriptionId)
    throw new AppError('INTERNAL', 'subscription request without a subscription id');
  return target.subscriptionId;
}

/** What the card shows about a subscription. */
export function subscriptionFacts(subscription: Subscription): ApprovalFacts {
  return {
    offerName: subscription.offerName ?? subscription.offerId ?? subscription.id,
    ...(subscription.friendlyName && { friendlyName: subscription.friendlyName }),
    ...(subscription.quantity !== undefined && { quantity: subscription.quantity }),
    status: subscription.status,
  };
}

function subscriptionStatusKind(
  partnerCenter: PartnerCenter,
  options: {
    name: string;
    from: TargetStatus;
    to: TargetStatus;
    decidePermission: ApprovalKind['decidePermission'];
    reasonRequired: boolean;
  },
): ApprovalKind {
  const read = (ctx: CallContext, target: ApprovalTarget | ApprovalRequest) =>
    partnerCenter.getSubscription(ctx, target.customerId, subscriptionIdOf(target));
  return {
    name: options.name,
    requestPermission: 'suspension.request',
    decidePermission: options.decidePermission,
    reasonRequired: options.reasonRequired,
    async prepare(ctx, target) {
      const subscription = await read(ctx, target);
      const facts = subscriptionFacts(subscription);
      const etag = subscription.attributes?.etag;
      if (subscription.status !== options.from || !etag)
        return { ready: false, problem: 'wrongStatus', facts };
      return { ready: true, etag, facts };
    },
    async execute(ctx, request) {
      if (!request.etag) throw new AppError('INTERNAL', 'subscription request without an etag');
      const updated = await partnerCenter.setSubscriptionStatus(
        ctx,
        request.customerId,
        subscriptionIdOf(request),
        options.to,
        request.etag,
      );
      return { result: { status: updated.status } };
    },
    async verify(ctx, request) {
      return (await read(ctx, request)).status === options.to;
    },
  };
}

/** An agent asks, an approver (or admin) decides; the reason is required. */
export function suspensionKind(partnerCenter: PartnerCenter): ApprovalKind {
  return subscriptionStatusKind(partnerCenter, {
    name: SUSPENSION,
    from: 'active',
    to: 'suspended',
    decidePermission: 'suspension.decide',
    reasonRequired: true,
  });
}

/** An agent's reactivation; approvers reactivate directly and never need this. */
export function reactivationKind(partnerCenter: PartnerCenter): ApprovalKind {
  return subscriptionStatusKind(partnerCenter, {
    name: REACTIVATION,
    from: 'suspended',
    to: 'active',
    decidePermission: 'subscription.reactivate',
    reasonRequired: false,
  });
}
