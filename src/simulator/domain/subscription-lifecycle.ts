import { addMs } from '../clock';
import type { SubscriptionRecord } from '../data/records';
import { errors } from '../protocol/errors';

/**
 * Subscription states (reference §3.7, §3.8, C5): pending → active ⇄ suspended; deleted is terminal.
 * A change of status or seat count makes provisioning `pending` until the provisioning delay passes.
 */
export interface SubscriptionChange {
  status?: string;
  friendlyName?: string;
  quantity?: number;
  autoRenewEnabled?: boolean;
}

/**
 * Completes a pending provisioning whose time has come: `success` (a `pending` subscription becomes `active`
 * then), or `failed` when the simulator was told that this subscription's provisioning fails.
 */
export function settle(subscription: SubscriptionRecord, now: Date, fails = false): void {
  const { provisioning } = subscription;
  if (provisioning.status !== 'pending' || !provisioning.readyAt || provisioning.readyAt > now) return;
  provisioning.readyAt = undefined;
  if (fails) {
    provisioning.status = 'failed';
    return;
  }
  provisioning.status = 'success';
  provisioning.quantity = subscription.quantity;
  if (subscription.status === 'pending') {
    subscription.status = 'active';
    subscription.version += 1;
  }
}

/**
 * Applies a PATCH of a subscription that is not deleted and whose etag was checked. Values equal to the
 * stored ones are no change, so a full body copied from a GET changes only what differs.
 * Returns whether anything changed (a no-op keeps the etag).
 */
export function applyChange(
  subscription: SubscriptionRecord,
  change: SubscriptionChange,
  parent: SubscriptionRecord | undefined,
  now: Date,
  provisioningDelayMs: number,
): boolean {
  const differs = (key: keyof SubscriptionChange) =>
    change[key] !== undefined && change[key] !== subscription[key];
  const statusChange = differs('status');
  if (statusChange && change.status !== 'active' && change.status !== 'suspended') {
    throw errors.invalidProperty('status can only be changed to active or suspended');
  }
  if (subscription.status === 'suspended') {
    if (differs('quantity')) throw errors.quantityChangeWhileSuspended();
    if (differs('friendlyName') || differs('autoRenewEnabled')) throw errors.suspendedSubscription();
  }
  if (statusChange && change.status === 'active' && parent && parent.status !== 'active') {
    throw errors.parentNotActive();
  }
  const quantityChange = differs('quantity');
  if (!statusChange && !quantityChange && !differs('friendlyName') && !differs('autoRenewEnabled'))
    return false;

  if (statusChange) {
    subscription.status = change.status as 'active' | 'suspended';
    subscription.suspensionReasons = change.status === 'suspended' ? ['partner_suspended'] : undefined;
  }
  subscription.friendlyName = change.friendlyName ?? subscription.friendlyName;
  subscription.quantity = change.quantity ?? subscription.quantity;
  subscription.autoRenewEnabled = change.autoRenewEnabled ?? subscription.autoRenewEnabled;
  if (statusChange || quantityChange) {
    subscription.provisioning.status = 'pending';
    subscription.provisioning.readyAt = addMs(now, provisioningDelayMs);
  }
  subscription.version += 1;
  return true;
}
