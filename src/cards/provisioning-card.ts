import type { Subscription } from '../api/models';
import type { Strings } from '../i18n/strings';
import type { ProvisioningLookup } from '../provisioning/subscription-provisioning';
import { clip } from './clip';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import {
  commitmentEnd,
  provisioningLabel,
  provisioningUnavailableReason,
  subscriptionStatusLabel,
} from './subscription-labels';
import json from './templates/provisioning.json';

/**
 * `provisioning <customer> <subscription id>`: one subscription's provisioning status in detail, what it
 * means, and "Notify me when ready" while it is pending.
 */
export interface ProvisioningCardData {
  customerId: string;
  companyName: string;
  subscription: Subscription;
  provisioning: ProvisioningLookup;
  /** The caller already has a watch on this subscription. */
  watching: boolean;
  canWatch: boolean;
}

type StateStyle = 'good' | 'warning' | 'attention' | 'emphasis';

interface ProvisioningView {
  title: string;
  subtitle: string;
  state: { style: StateStyle; title: string; text: string };
  fields: Field[];
  watching?: string;
  refreshNote: string;
  notify?: string;
  refresh: string;
  customerId: string;
  subscriptionId: string;
}

const template = defineTemplate<ProvisioningView>('provisioning', json);

function stateView(lookup: ProvisioningLookup, text: Strings): ProvisioningView['state'] {
  if (lookup.kind === 'notApplicable') {
    return {
      style: 'emphasis',
      title: text.t('provisioning.notApplicable'),
      text: text.t('provisioning.explain.deleted'),
    };
  }
  if (lookup.kind === 'unavailable') {
    return {
      style: 'emphasis',
      title: text.t('provisioning.unavailable', { reason: provisioningUnavailableReason(lookup.code, text) }),
      text: text.t('provisioning.explain.unavailable'),
    };
  }
  const status = lookup.status.status;
  const title = text.t('provisioning.detail.status', { status: provisioningLabel(status, text) });
  switch (status) {
    case 'success':
      return { style: 'good', title, text: text.t('provisioning.explain.success') };
    case 'pending':
      return { style: 'warning', title, text: text.t('provisioning.explain.pending') };
    case 'failed':
      return { style: 'attention', title, text: text.t('provisioning.explain.failed') };
    default:
      return { style: 'emphasis', title, text: text.t('provisioning.explain.other') };
  }
}

export function provisioningCard(data: ProvisioningCardData, text: Strings): AdaptiveCard {
  const { subscription, provisioning } = data;
  const fields = [
    idField(text.t('provisioning.field.subscriptionId'), subscription.id),
    field(text.t('provisioning.field.status'), subscriptionStatusLabel(subscription.status, text)),
  ];
  if (subscription.quantity !== undefined) {
    fields.push(field(text.t('provisioning.field.quantity'), text.number(subscription.quantity)));
  }
  if (provisioning.kind === 'status') {
    const { quantity, skuId, endDate } = provisioning.status;
    if (quantity !== undefined) {
      fields.push(field(text.t('provisioning.field.provisionedQuantity'), text.number(quantity)));
    }
    if (skuId) fields.push(idField(text.t('provisioning.field.skuId'), clip(skuId, 64)));
    const end = commitmentEnd(endDate ?? subscription.commitmentEndDate, text);
    if (end) fields.push(field(text.t('provisioning.field.endDate'), end));
  }
  const pending = provisioning.kind === 'status' && provisioning.status.status === 'pending';
  const nickname = subscription.friendlyName?.trim();
  return renderCard(template, {
    title: clip(subscription.offerName || subscription.offerId || subscription.id, 200),
    subtitle:
      nickname && nickname !== subscription.offerName
        ? text.t('provisioning.subtitleNamed', {
            nickname: clip(nickname, 200),
            companyName: data.companyName,
          })
        : text.t('provisioning.subtitle', { companyName: data.companyName }),
    state: stateView(provisioning, text),
    fields,
    watching: data.watching ? text.t('provisioning.watching') : undefined,
    refreshNote: text.t('provisioning.refreshNote'),
    notify: pending && data.canWatch && !data.watching ? text.t('provisioning.action.notify') : undefined,
    refresh: text.t('provisioning.action.refresh'),
    customerId: data.customerId,
    subscriptionId: subscription.id,
  });
}
