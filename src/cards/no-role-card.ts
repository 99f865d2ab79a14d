import type { Strings } from '../i18n/strings';
import { type Field, idField } from './fields';
import { type AdaptiveCard, defineTemplate, renderCard } from './render-card';
import json from './templates/no-role.json';

export interface NoRoleCardData {
  /** Entra object id (`from.aadObjectId`), for the administrator to copy. */
  objectId: string;
  tenantId: string;
}

interface NoRoleView {
  title: string;
  text: string;
  ask: string;
  fields: Field[];
}

const template = defineTemplate<NoRoleView>('noRole', json);

export function noRoleCard(data: NoRoleCardData, text: Strings): AdaptiveCard {
  return renderCard(template, {
    title: text.t('noRole.title'),
    text: text.t('noRole.text'),
    ask: text.t('noRole.ask'),
    fields: [
      idField(text.t('noRole.objectId'), data.objectId),
      idField(text.t('noRole.tenantId'), data.tenantId),
    ],
  });
}
