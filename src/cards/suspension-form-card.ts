import type { Subscription } from '../api/models';
import type { Strings } from '../i18n/strings';
import { type Field, field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/suspension-form.json';

/**
 * The form behind a subscription row's "Suspend" button: what would be suspended, and the reason (required,
 * at most 500 characters, checked again on the server). "Ask for approval" carries only the two ids.
 */

export interface SuspensionFormCardData {
  customer: { id: string; companyName: string };
  subscription: Subscription;
  /** What the agent typed, kept when the form comes back with a problem. */
  reason?: string;
  /** Why the last submission was not accepted. */
  problem?: string;
}

interface SuspensionFormView {
  title: string;
  intro: string;
  fields: Field[];
  problem?: string;
  reason: { label: string; placeholder: string; error: string; value: string };
  submit: string;
  customerId: string;
  subscriptionId: string;
}

const template = defineTemplate<SuspensionFormView>('suspensionForm', json);

export function suspensionFormCard(data: SuspensionFormCardData, text: Strings): AdaptiveCard {
  const { customer, subscription } = data;
  const offer = subscription.offerName ?? subscription.offerId ?? subscription.id;
  const fields = [
    field(text.t('approval.field.customer'), customer.companyName),
    field(
      text.t('approval.field.subscription'),
      subscription.friendlyName && subscription.friendlyName !== offer
        ? text.t('approval.field.subscriptionNamed', { offer, name: subscription.friendlyName })
        : offer,
    ),
    idField(text.t('approval.field.subscriptionId'), subscription.id),
  ];
  if (subscription.quantity !== undefined)
    fields.push(field(text.t('approval.field.licenses'), text.number(subscription.quantity)));
  return renderCard(template, {
    title: text.t('suspensionForm.title'),
    intro: text.t('suspensionForm.text'),
    fields,
    problem: data.problem,
    reason: {
      label: text.t('suspensionForm.reason.label'),
      placeholder: text.t('suspensionForm.reason.placeholder'),
      error: text.t('suspensionForm.reason.error'),
      value: data.reason ?? '',
    },
    submit: text.t('suspensionForm.submit'),
    customerId: customer.id,
    subscriptionId: subscription.id,
  });
}
