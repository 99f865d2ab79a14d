import type { Subscription, SubscriptionProvisioningStatus } from '../api/models';
import type { CallContext, PartnerCenter } from '../api/partner-center';
import { type ErrorCode, isAppError } from '../errors';
import { mapLimited } from './map-limited';

/**
 * A subscription's provisioning status (reference C4) next to the subscription: read in parallel for a
 * list, with a limit on calls in flight. A status Partner Center cannot give (delegated admin revoked,
 * throttled …) is shown as unavailable on its row, not as a failed command.
 */
export type ProvisioningLookup =
  | { kind: 'status'; status: SubscriptionProvisioningStatus }
  | { kind: 'unavailable'; code: ErrorCode }
  /** A deleted subscription has no provisioning (Partner Center answers 404 800007): not asked. */
  | { kind: 'notApplicable' };

export interface SubscriptionProvisioning {
  subscription: Subscription;
  provisioning: ProvisioningLookup;
}

/** Still being provisioned: `pending`, or `none` (not known yet). Anything else ends a watch. */
export function isStillPending(status: SubscriptionProvisioningStatus['status']): boolean {
  return status === 'pending' || status === 'none';
}

export function needsAttention(lookup: ProvisioningLookup): boolean {
  return (
    lookup.kind === 'status' && (lookup.status.status === 'pending' || lookup.status.status === 'failed')
  );
}

export async function lookUpProvisioning(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  customerId: string,
  subscription: Subscription,
): Promise<ProvisioningLookup> {
  if (subscription.status === 'deleted') return { kind: 'notApplicable' };
  try {
    return {
      kind: 'status',
      status: await partnerCenter.getProvisioningStatus(ctx, customerId, subscription.id),
    };
  } catch (error) {
    if (isAppError(error) && error.code.startsWith('PC_')) return { kind: 'unavailable', code: error.code };
    throw error;
  }
}

/**
 * Every subscription with its provisioning status, in the given order. After a throttled answer no new
 * call starts: the remaining rows say Partner Center is busy (reference §2.9: reduce parallelism).
 */
export async function withProvisioning(
  partnerCenter: PartnerCenter,
  ctx: CallContext,
  customerId: string,
  subscriptions: readonly Subscription[],
  concurrency: number,
): Promise<SubscriptionProvisioning[]> {
  let throttled = false;
  return mapLimited(subscriptions, concurrency, async (subscription) => {
    const provisioning: ProvisioningLookup = throttled
      ? { kind: 'unavailable', code: 'PC_THROTTLED' }
      : await lookUpProvisioning(partnerCenter, ctx, customerId, subscription);
    if (provisioning.kind === 'unavailable' && provisioning.code === 'PC_THROTTLED') throttled = true;
    return { subscription, provisioning };
  });
}

/** Failed first, then pending, then the rest, each group in its original order. */
export function attentionFirst(rows: readonly SubscriptionProvisioning[]): SubscriptionProvisioning[] {
  const rank = (row: SubscriptionProvisioning) =>
    row.provisioning.kind !== 'status'
      ? 2
      : row.provisioning.status.status === 'failed'
        ? 0
        : row.provisioning.status.status === 'pending'
          ? 1
          : 2;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
    .map(({ row }) => row);
}
