import type { Strings } from '../i18n/strings';
import type { TargetNames } from '../users/user-operations';
import { type Field, field } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/reset-confirmation.json';

export interface ResetConfirmationCardData {
  target: TargetNames;
  /** The one-time operation the Confirm button carries (and nothing else). */
  operationId: string;
}

interface ResetConfirmationView {
  title: string;
  fields: Field[];
  forceChange: string;
  notice: string;
  confirm: string;
  operationId: string;
}

const template = defineTemplate<ResetConfirmationView>('resetConfirmation', json);

/** "Reset the password of …?" with the "require change at next sign-in" toggle (on by default). */
export function resetConfirmationCard(data: ResetConfirmationCardData, text: Strings): AdaptiveCard {
  const { target } = data;
  return renderCard(template, {
    title: text.t('reset.title', { displayName: target.displayName }),
    fields: [
      field(text.t('reset.customer'), target.companyName),
      field(text.t('reset.user'), target.displayName),
      field(text.t('reset.upn'), target.userPrincipalName),
    ],
    forceChange: text.t('reset.forceChange'),
    notice: text.t('reset.notice'),
    confirm: text.t('reset.confirm'),
    operationId: data.operationId,
  });
}
