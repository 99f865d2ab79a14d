import type { Strings } from '../i18n/strings';
import type { RestoreWindow } from '../users/restore-window';
import type { TargetNames } from '../users/user-operations';
import { type Field, field } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/restore-confirmation.json';

export interface RestoreConfirmationCardData {
  target: TargetNames;
  window: RestoreWindow;
  operationId: string;
  /** Shown in place of the deleted-users list: offer the way back to it. */
  backToList: boolean;
}

interface RestoreConfirmationView {
  title: string;
  fields: Field[];
  notice: string;
  confirm: string;
  operationId: string;
  back?: { title: string; customerId: string; page: string };
}

const template = defineTemplate<RestoreConfirmationView>('restoreConfirmation', json);

export function restoreConfirmationCard(data: RestoreConfirmationCardData, text: Strings): AdaptiveCard {
  const { target, window } = data;
  const fields = [
    field(text.t('reset.customer'), target.companyName),
    field(text.t('reset.user'), target.displayName),
    field(text.t('reset.upn'), target.userPrincipalName),
  ];
  if (window.deletedAt) fields.push(field(text.t('restore.deletedAt'), text.dateTime(window.deletedAt)));
  if (window.daysLeft !== undefined) {
    fields.push(
      field(
        text.t('restore.window'),
        window.daysLeft <= 1
          ? text.t('deletedUsers.oneDayLeft')
          : text.t('deletedUsers.daysLeft', { days: window.daysLeft }),
      ),
    );
  }
  return renderCard(template, {
    title: text.t('restore.title', { displayName: target.displayName }),
    fields,
    notice: text.t('restore.notice'),
    confirm: text.t('restore.confirm'),
    operationId: data.operationId,
    back: data.backToList
      ? { title: text.t('restore.back'), customerId: target.customerId, page: '0' }
      : undefined,
  });
}
