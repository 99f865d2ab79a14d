import type { Strings } from '../i18n/strings';
import type { ProvisioningLookup, SubscriptionProvisioning } from '../provisioning/subscription-provisioning';
import { clip } from './clip';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import {
  commitmentEnd,
  provisioningColor,
  provisioningLabel,
  provisioningUnavailableReason,
  subscriptionStatusColor,
  subscriptionStatusLabel,
  type TextColor,
} from './subscription-labels';
import json from './templates/subscription-list.json';

/**
 * `subscriptions <customer>`: each subscription with offer, nickname, quantity, status, commitment end and
 * provisioning status; pending and failed provisioning stand out. Each row has buttons carrying only
 * `{ customerId, subscriptionId }`: "Details" (`subscription.provisioning`) and, on a pending row,
 * "Notify me when ready" (`provisioning.watch`). More row buttons are added in `rowActions` below and as
 * one more `$when` action in the row's ActionSet of templates/subscription-list.json.
 */
export interface SubscriptionListCardData {
  customerId: string;
  companyName: string;
  /** In display order (see attentionFirst); the card shows at most `maxSubscriptionRows`. */
  rows: readonly SubscriptionProvisioning[];
  /** Ids (lower case) of subscriptions the caller is already watching. */
  watched: ReadonlySet<string>;
  /** Whether the caller may ask to be notified (every role that reads subscriptions may). */
  canWatch: boolean;
  /** Whether the caller may ask for a suspension: "Suspend" on active rows (`subscription.suspend`). */
  canSuspend?: boolean;
}

export const maxSubscriptionRows = 12;
/** Names in a row and in the title are clipped so that a full list of the longest names fits Teams. */
const maxNameLength = 60;
const maxCompanyNameLength = 100;

/** Titles of the buttons of one subscription row; an absent one is not shown. */
export interface SubscriptionRowActions {
  details: string;
  notify?: string;
  suspend?: string;
}

interface SubscriptionRowView {
  style: 'default' | 'warning' | 'attention';
  offerName: string;
  nickname?: string;
  status: string;
  statusColor: TextColor;
  facts?: string;
  provisioning: { label: string; value: string; color: TextColor; weight: 'Default' | 'Bolder' };
  subscriptionId: string;
  customerId: string;
  watching?: string;
  actions: SubscriptionRowActions;
}

interface SubscriptionListView {
  title: string;
  summary: string;
  empty?: string;
  rows: SubscriptionRowView[];
}

const template = defineTemplate<SubscriptionListView>('subscriptionList', json);

function provisioningView(lookup: ProvisioningLookup, text: Strings): SubscriptionRowView['provisioning'] {
  const label = text.t('subscriptions.row.provisioning');
  switch (lookup.kind) {
    case 'status': {
      const color = provisioningColor(lookup.status.status);
      return {
        label,
        value: provisioningLabel(lookup.status.status, text),
        color,
        weight: color === 'Warning' || color === 'Attention' ? 'Bolder' : 'Default',
      };
    }
    case 'unavailable':
      return {
        label,
        value: text.t('provisioning.unavailable', {
          reason: provisioningUnavailableReason(lookup.code, text),
        }),
        color: 'Default',
        weight: 'Default',
      };
    case 'notApplicable':
      return { label, value: text.t('provisioning.notApplicable'), color: 'Default', weight: 'Default' };
  }
}

function rowStyle(lookup: ProvisioningLookup): SubscriptionRowView['style'] {
  if (lookup.kind !== 'status') return 'default';
  if (lookup.status.status === 'failed') return 'attention';
  return lookup.status.status === 'pending' ? 'warning' : 'default';
}

function isPending(lookup: ProvisioningLookup): boolean {
  return lookup.kind === 'status' && lookup.status.status === 'pending';
}

function rowActions(
  row: SubscriptionProvisioning,
  watching: boolean,
  data: SubscriptionListCardData,
  text: Strings,
): SubscriptionRowActions {
  return {
    details: text.t('subscriptions.action.details'),
    notify:
      data.canWatch && !watching && isPending(row.provisioning)
        ? text.t('provisioning.action.notify')
        : undefined,
    suspend:
      data.canSuspend && row.subscription.status === 'active' ? text.t('approval.action.suspend') : undefined,
  };
}

function facts(row: SubscriptionProvisioning, text: Strings): string | undefined {
  const { subscription } = row;
  const parts: string[] = [];
  if (subscription.quantity !== undefined) {
    parts.push(
      subscription.unitType
        ? text.t('subscriptions.row.quantityUnit', {
            quantity: subscription.quantity,
            unit: clip(subscription.unitType, 40),
          })
        : text.t('subscriptions.row.quantity', { quantity: subscription.quantity }),
    );
  }
  const end = commitmentEnd(subscription.commitmentEndDate, text);
  if (end) parts.push(text.t('subscriptions.row.ends', { date: end }));
  return parts.length > 0
    ? parts.map((part) => `${text.t('subscriptions.separator')}${part}`).join('')
    : undefined;
}

export function subscriptionListCard(data: SubscriptionListCardData, text: Strings): AdaptiveCard {
  const shown = data.rows.slice(0, maxSubscriptionRows);
  const count = (state: string) =>
    data.rows.filter((row) => row.provisioning.kind === 'status' && row.provisioning.status.status === state)
      .length;
  const summary = [
    data.rows.length > shown.length
      ? text.t('subscriptions.summary.first', { count: shown.length, total: data.rows.length })
      : data.rows.length === 1
        ? text.t('subscriptions.summary.one')
        : text.t('subscriptions.summary.count', { count: data.rows.length }),
    count('pending') > 0 ? text.t('subscriptions.summary.pending', { count: count('pending') }) : undefined,
    count('failed') > 0 ? text.t('subscriptions.summary.failed', { count: count('failed') }) : undefined,
  ].filter((part): part is string => part !== undefined);

  return renderCard(template, {
    title: text.t('subscriptions.title', { companyName: clip(data.companyName, maxCompanyNameLength) }),
    summary: summary.join(text.t('subscriptions.separator')),
    empty: data.rows.length === 0 ? text.t('subscriptions.empty') : undefined,
    rows: shown.map((row) => {
      const { subscription } = row;
      const offerName = clip(
        subscription.offerName || subscription.offerId || subscription.id,
        maxNameLength,
      );
      const nickname = subscription.friendlyName?.trim();
      const watching = data.watched.has(subscription.id.toLowerCase());
      return {
        style: rowStyle(row.provisioning),
        offerName,
        nickname:
          nickname && nickname !== subscription.offerName
            ? `${text.t('subscriptions.separator')}${clip(nickname, maxNameLength)}`
            : undefined,
        status: subscriptionStatusLabel(subscription.status, text),
        statusColor: subscriptionStatusColor(subscription.status),
        facts: facts(row, text),
        provisioning: provisioningView(row.provisioning, text),
        subscriptionId: subscription.id,
        customerId: data.customerId,
        watching: watching ? text.t('provisioning.watching') : undefined,
        actions: rowActions(row, watching, data, text),
      };
    }),
  });
}
