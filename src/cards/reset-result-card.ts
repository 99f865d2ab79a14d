import type { Strings } from '../i18n/strings';
import type { TargetNames } from '../users/user-operations';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/reset-result.json';

export interface ResetResultCardData {
  target: TargetNames;
  /** Who reset it, and when. */
  agent: string;
  at: Date;
  forceChange: boolean;
  /**
   * The temporary password: only in the card answered to the agent who confirmed (never in a message others see,
   * never stored). Without it, this is the shared "Password reset for … by … at …" card.
   */
  password?: string;
}

interface ResetResultView {
  title: string;
  at: string;
  secret?: { label: string; value: string; notice: string };
  details: string[];
}

const template = defineTemplate<ResetResultView>('resetResult', json);

export function resetResultCard(data: ResetResultCardData, text: Strings): AdaptiveCard {
  const { target } = data;
  return renderCard(template, {
    title: text.t('reset.done', { userPrincipalName: target.userPrincipalName, agent: data.agent }),
    at: text.dateTime(data.at),
    secret:
      data.password === undefined
        ? undefined
        : {
            label: text.t('reset.secret.label'),
            value: data.password,
            notice: text.t('reset.secret.notice'),
          },
    details: [
      text.t('reset.detail.customer', { companyName: target.companyName }),
      data.forceChange ? text.t('reset.detail.forceChange') : text.t('reset.detail.keep'),
    ],
  });
}
