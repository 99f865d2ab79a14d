import type { Strings } from '../i18n/strings';
import type { TargetNames } from '../users/user-operations';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/reset-withheld.json';

/**
 * In place of the password card when the reset finished after Teams stopped waiting for the button's answer:
 * a late result can only reach the chat as a card update, which the chat keeps, so the password is not in it.
 * "Show password" opens it once, as the answer to that button, for the agent who reset it.
 */
export interface ResetWithheldCardData {
  target: TargetNames;
  agent: string;
  /** Opaque id of the password held in memory for a short time (src/users/secret-shelf.ts). */
  token: string;
  /** How long the password can still be shown. */
  minutes: number;
}

interface ResetWithheldView {
  title: string;
  notice: string;
  show: string;
  token: string;
}

const template = defineTemplate<ResetWithheldView>('resetWithheld', json);

export function resetWithheldCard(data: ResetWithheldCardData, text: Strings): AdaptiveCard {
  return renderCard(template, {
    title: text.t('reset.done', { userPrincipalName: data.target.userPrincipalName, agent: data.agent }),
    notice: text.t('reset.withheld.notice', { minutes: data.minutes }),
    show: text.t('reset.withheld.show'),
    token: data.token,
  });
}
