import type { Strings } from '../i18n/strings';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import { provisioningLabel } from './subscription-labels';
import json from './templates/provisioning-watch.json';

/**
 * "Notify me when ready": the confirmation when the watch starts (or already runs), and the proactive
 * message when it ends, because provisioning left `pending` or because the watch gave up.
 */
export type ProvisioningWatchEvent =
  | { kind: 'started'; checkEveryMs: number; giveUpAfterMs: number }
  | { kind: 'alreadyWatching' }
  /** Provisioning was no longer pending when the button was pressed. */
  | { kind: 'alreadyDone'; status: string }
  | { kind: 'ready'; status: string }
  | { kind: 'gaveUp'; afterMs: number };

export interface ProvisioningWatchCardData {
  event: ProvisioningWatchEvent;
  customerId: string;
  companyName: string;
  subscriptionId: string;
  subscriptionName: string;
}

interface ProvisioningWatchView {
  style: 'good' | 'attention' | 'warning' | 'accent';
  title: string;
  text: string;
  fields: Field[];
  details: string;
  customerId: string;
  subscriptionId: string;
}

const template = defineTemplate<ProvisioningWatchView>('provisioningWatch', json);

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const units = [
  { ms: DAY_MS, one: 'duration.day', many: 'duration.days' },
  { ms: HOUR_MS, one: 'duration.hour', many: 'duration.hours' },
  { ms: MINUTE_MS, one: 'duration.minute', many: 'duration.minutes' },
] as const;

/** A setting's duration in words, in the largest unit it fills exactly: "15 minutes", "1 day", "90 minutes". */
export function durationText(ms: number, text: Strings): string {
  const unit = units.find((candidate) => ms >= candidate.ms && ms % candidate.ms === 0) ?? {
    ms: MINUTE_MS,
    one: 'duration.minute',
    many: 'duration.minutes',
  };
  const count = Math.max(1, Math.round(ms / unit.ms));
  return text.t(count === 1 ? unit.one : unit.many, { count });
}

function message(
  data: ProvisioningWatchCardData,
  text: Strings,
): Pick<ProvisioningWatchView, 'style' | 'title' | 'text'> {
  const names = { subscription: data.subscriptionName, companyName: data.companyName };
  const { event } = data;
  switch (event.kind) {
    case 'started':
      return {
        style: 'accent',
        title: text.t('watch.started.title'),
        text: text.t('watch.started.text', {
          ...names,
          every: durationText(event.checkEveryMs, text),
          giveUp: durationText(event.giveUpAfterMs, text),
        }),
      };
    case 'alreadyWatching':
      return {
        style: 'accent',
        title: text.t('watch.already.title'),
        text: text.t('watch.already.text', names),
      };
    case 'alreadyDone':
      return {
        style: event.status === 'failed' ? 'attention' : 'good',
        title: text.t('watch.done.title', { status: provisioningLabel(event.status, text) }),
        text: text.t('watch.done.text', names),
      };
    case 'ready':
      return event.status === 'failed'
        ? {
            style: 'attention',
            title: text.t('watch.failed.title'),
            text: text.t('watch.failed.text', names),
          }
        : {
            style: 'good',
            title: text.t('watch.ready.title'),
            text: text.t('watch.ready.text', { ...names, status: provisioningLabel(event.status, text) }),
          };
    case 'gaveUp':
      return {
        style: 'warning',
        title: text.t('watch.gaveUp.title'),
        text: text.t('watch.gaveUp.text', { ...names, after: durationText(event.afterMs, text) }),
      };
  }
}

export function provisioningWatchCard(data: ProvisioningWatchCardData, text: Strings): AdaptiveCard {
  return renderCard(template, {
    ...message(data, text),
    fields: [
      field(text.t('watch.field.customer'), data.companyName),
      field(text.t('watch.field.subscription'), data.subscriptionName),
      idField(text.t('watch.field.subscriptionId'), data.subscriptionId),
    ],
    details: text.t('subscriptions.action.details'),
    customerId: data.customerId,
    subscriptionId: data.subscriptionId,
  });
}
