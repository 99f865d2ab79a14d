import type { ProvisioningState, SubscriptionStatus } from '../api/models';
import type { ErrorCode } from '../errors';
import type { Strings } from '../i18n/strings';
import { clip } from './clip';

/** An enum value Partner Center added later is shown as sent, but never longer than this. */
const maxUnknownValue = 40;

/** How subscription and provisioning states read on the subscription cards; unknown values are shown as sent. */

export type TextColor = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

const knownStatuses = ['none', 'active', 'pending', 'suspended', 'deleted'] as const;
const knownProvisioning = ['success', 'pending', 'failed', 'none'] as const;

export function subscriptionStatusLabel(status: SubscriptionStatus, text: Strings): string {
  return (knownStatuses as readonly string[]).includes(status)
    ? text.t(`subscription.status.${status as (typeof knownStatuses)[number]}`)
    : clip(status, maxUnknownValue);
}

export function subscriptionStatusColor(status: SubscriptionStatus): TextColor {
  switch (status) {
    case 'active':
      return 'Good';
    case 'suspended':
      return 'Warning';
    case 'deleted':
      return 'Attention';
    case 'pending':
      return 'Accent';
    default:
      return 'Default';
  }
}

export function provisioningLabel(status: ProvisioningState, text: Strings): string {
  return (knownProvisioning as readonly string[]).includes(status)
    ? text.t(`provisioning.status.${status as (typeof knownProvisioning)[number]}`)
    : clip(status, maxUnknownValue);
}

/** Pending and failed stand out: they are why the customer called. */
export function provisioningColor(status: ProvisioningState): TextColor {
  if (status === 'failed') return 'Attention';
  if (status === 'pending') return 'Warning';
  if (status === 'success') return 'Good';
  return 'Default';
}

/** Why Partner Center gave no provisioning status, in a few words. */
export function provisioningUnavailableReason(code: ErrorCode, text: Strings): string {
  switch (code) {
    case 'PC_FORBIDDEN':
      return text.t('provisioning.unavailable.forbidden');
    case 'PC_NOT_FOUND':
      return text.t('provisioning.unavailable.notFound');
    case 'PC_THROTTLED':
      return text.t('provisioning.unavailable.throttled');
    default:
      return text.t('provisioning.unavailable.other');
  }
}

/** A commitment end date in the reader's locale; the far-future date of non-renewing subscriptions means none. */
export function commitmentEnd(date: string | undefined, text: Strings): string | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return undefined;
  return date.startsWith('9999') ? text.t('subscription.noEndDate') : text.date(date);
}
