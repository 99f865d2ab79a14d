import type { Strings } from '../i18n/strings';
import type { TargetNames } from '../users/user-operations';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/restore-result.json';

export interface RestoreResultCardData {
  target: TargetNames;
  agent: string;
  at: Date;
}

interface RestoreResultView {
  title: string;
  at: string;
  details: string[];
  deletedUsers: string;
  customerId: string;
  firstPage: string;
}

const template = defineTemplate<RestoreResultView>('restoreResult', json);

/** "… was restored by … at …", shared with everyone in the conversation. */
export function restoreResultCard(data: RestoreResultCardData, text: Strings): AdaptiveCard {
  const { target } = data;
  return renderCard(template, {
    title: text.t('restore.done', {
      displayName: target.displayName,
      userPrincipalName: target.userPrincipalName,
      agent: data.agent,
    }),
    at: text.dateTime(data.at),
    details: [text.t('restore.detail.customer', { companyName: target.companyName })],
    deletedUsers: text.t('restore.deletedUsers'),
    customerId: target.customerId,
    firstPage: '0',
  });
}
